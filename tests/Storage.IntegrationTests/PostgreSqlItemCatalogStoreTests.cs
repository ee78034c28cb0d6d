using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.PostgreSql;

namespace AIaaS.Storage.IntegrationTests;

[RequiresPostgreSql, Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlItemCatalogStoreTests(PostgreSqlFixture postgres) : ItemCatalogStoreContract
{
    protected override async Task<IItemCatalogStore> OpenAsync() => new PostgreSqlItemCatalogStore(Own(await postgres.NewSchemaAsync()), Clock);
}
