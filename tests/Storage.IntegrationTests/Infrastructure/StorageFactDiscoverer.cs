using Xunit.Abstractions;
using Xunit.Sdk;

namespace AIaaS.Storage.IntegrationTests.Infrastructure;

/// <summary>Finds <see cref="StorageFactAttribute"/> facts; each one's skip reason depends on the class that runs it.</summary>
public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new StorageTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}
