using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.Sqlite;
using Xunit.Abstractions;

namespace AIaaS.Storage.IntegrationTests;

public sealed class SqliteModelStoreTests(ITestOutputHelper output) : ModelStoreContract(output)
{
    protected override Task<IModelStore> OpenAsync() => Task.FromResult<IModelStore>(new SqliteModelStore(Own(new SqliteTestDatabase()).Open()));
}
