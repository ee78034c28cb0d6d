using AIaaS.Silo.ClusterTests;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AIaaS.Storage.IntegrationTests.Infrastructure;

/// <summary>A contract fact as run by one store's class: skipped where that class needs PostgreSQL and it cannot run here.</summary>
public sealed class StorageTestCase : XunitTestCase
{
    [Obsolete("For the deserializer only.", error: true)]
    public StorageTestCase()
    {
    }

    public StorageTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgreSqlAttribute)).Any() && PostgreSqlServer.CannotRun() is { } reason
            ? $"PostgreSQL cannot run here: {reason}"
            : base.GetSkipReason(factAttribute);
}
