using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.Sqlite;

namespace AIaaS.Storage.IntegrationTests;

public sealed class SqliteInteractionLogStoreTests : InteractionLogStoreContract
{
    protected override Task<IInteractionLogStore> OpenAsync() => Task.FromResult<IInteractionLogStore>(new SqliteInteractionLogStore(Own(new SqliteTestDatabase()).Open()));
}
