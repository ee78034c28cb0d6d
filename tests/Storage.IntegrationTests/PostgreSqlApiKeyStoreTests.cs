using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.PostgreSql;

namespace AIaaS.Storage.IntegrationTests;

[RequiresPostgreSql, Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlApiKeyStoreTests(PostgreSqlFixture postgres) : ApiKeyStoreContract
{
    protected override async Task<IApiKeyStore> OpenAsync() => new PostgreSqlApiKeyStore(Own(await postgres.NewSchemaAsync()));
}
