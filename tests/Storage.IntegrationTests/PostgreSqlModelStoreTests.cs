using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.PostgreSql;
using Xunit.Abstractions;

namespace AIaaS.Storage.IntegrationTests;

[RequiresPostgreSql, Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlModelStoreTests(PostgreSqlFixture postgres, ITestOutputHelper output) : ModelStoreContract(output)
{
    protected override async Task<IModelStore> OpenAsync() => new PostgreSqlModelStore(Own(await postgres.NewSchemaAsync()));
}
