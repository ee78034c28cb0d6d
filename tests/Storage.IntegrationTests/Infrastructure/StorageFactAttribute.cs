using Xunit.Sdk;

namespace AIaaS.Storage.IntegrationTests.Infrastructure;

/// <summary>
/// A fact of a store's contract, written once in an abstract class and run by each store's class; skipped, saying
/// why, in a class marked <see cref="RequiresPostgreSqlAttribute"/> where PostgreSQL's server cannot run.
/// </summary>
[XunitTestCaseDiscoverer("AIaaS.Storage.IntegrationTests.Infrastructure.StorageFactDiscoverer", "AIaaS.Storage.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;
