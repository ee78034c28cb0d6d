using System.Collections.Immutable;
using AIaaS.Grains.Security;
using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.Sqlite;

namespace AIaaS.Storage.IntegrationTests;

public sealed class SqliteApiKeyStoreTests : ApiKeyStoreContract
{
    private SqliteTestDatabase? _database;

    [Fact]
    public async Task Reopen_AfterAddAndUse_KeepsTheKey()
    {
        var key = new StoredApiKey("k1", "player", ApiScope.Ingest, ImmutableArray.Create(new byte[32]), DateTimeOffset.UnixEpoch.AddDays(1), null);
        await Store.AddAsync(key, None);
        await Store.RecordUsesAsync([new ApiKeyUse("k1", DateTimeOffset.UnixEpoch.AddDays(2))], None);
        await _database!.CloseAsync();

        var reopened = new SqliteApiKeyStore(_database.Open());

        var found = await reopened.FindAsync(key.Hash, None);
        Assert.Equal(("k1", ApiScope.Ingest, DateTimeOffset.UnixEpoch.AddDays(2)), (found?.Id, found?.Scope, found?.LastUsedAt));
    }

    protected override Task<IApiKeyStore> OpenAsync()
    {
        _database = Own(new SqliteTestDatabase());
        return Task.FromResult<IApiKeyStore>(new SqliteApiKeyStore(_database.Open()));
    }
}
