using System.Collections.Immutable;
using System.Security.Cryptography;
using AIaaS.Grains.Security;
using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Infrastructure;

namespace AIaaS.Storage.IntegrationTests.Contracts;

/// <summary>What every <see cref="IApiKeyStore"/> promises (the port's XML docs), run against each store by a class that opens an empty one per test.</summary>
public abstract class ApiKeyStoreContract : StoreContract<IApiKeyStore>
{
    private static readonly DateTimeOffset Created = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234);

    [StorageFact]
    public async Task Find_AfterAdd_ReturnsEveryFieldByHash()
    {
        var key = Key("k1", ApiScope.Ingest);
        await Store.AddAsync(key, None);

        var found = await Store.FindAsync(key.Hash, None);

        Assert.NotNull(found);
        Assert.Equal((key.Id, key.Name, key.Scope, key.CreatedAt, key.LastUsedAt), (found.Id, found.Name, found.Scope, found.CreatedAt, found.LastUsedAt));
        Assert.Equal(key.Hash.ToArray(), found.Hash.ToArray());
    }

    [StorageFact]
    public async Task Find_UnknownHash_Null()
    {
        await Store.AddAsync(Key("k1", ApiScope.Read), None);

        Assert.Null(await Store.FindAsync(Hash(), None));
    }

    [StorageFact]
    public async Task List_SeveralKeys_OldestFirstWithEveryScope()
    {
        await Store.AddAsync(Key("b", ApiScope.Admin, Created.AddSeconds(2)), None);
        await Store.AddAsync(Key("a", ApiScope.Read, Created.AddSeconds(1)), None);
        await Store.AddAsync(Key("c", ApiScope.Ingest, Created.AddSeconds(3)), None);

        var keys = await Store.ListAsync(None);

        Assert.Equal(["a", "b", "c"], keys.Select(k => k.Id));
        Assert.Equal([ApiScope.Read, ApiScope.Admin, ApiScope.Ingest], keys.Select(k => k.Scope));
    }

    [StorageFact]
    public async Task Add_SameIdTwice_ThrowsAndKeepsTheFirst()
    {
        var first = Key("k1", ApiScope.Read);
        await Store.AddAsync(first, None);

        await Assert.ThrowsAnyAsync<Exception>(() => Store.AddAsync(Key("k1", ApiScope.Admin), None));

        var keys = await Store.ListAsync(None);
        Assert.Equal(ApiScope.Read, Assert.Single(keys).Scope);
    }

    [StorageFact]
    public async Task Remove_StoredKey_GoneFromFindAndListAndASecondRemoveIsFalse()
    {
        var key = Key("k1", ApiScope.Read);
        await Store.AddAsync(key, None);
        await Store.AddAsync(Key("k2", ApiScope.Read), None);

        Assert.True(await Store.RemoveAsync("k1", None));

        Assert.Null(await Store.FindAsync(key.Hash, None));
        Assert.Equal(["k2"], (await Store.ListAsync(None)).Select(k => k.Id));
        Assert.False(await Store.RemoveAsync("k1", None));
    }

    [StorageFact]
    public async Task RecordUses_LaterAndEarlierTimes_KeepsTheLatestAndSkipsUnknownIds()
    {
        await Store.AddAsync(Key("k1", ApiScope.Read), None);
        var later = Created.AddMinutes(5);

        await Store.RecordUsesAsync([new ApiKeyUse("k1", later), new ApiKeyUse("gone", later)], None);
        await Store.RecordUsesAsync([new ApiKeyUse("k1", Created.AddMinutes(1))], None);

        var stored = Assert.Single(await Store.ListAsync(None));
        Assert.Equal(later, stored.LastUsedAt);
    }

    private static StoredApiKey Key(string id, ApiScope scope, DateTimeOffset? created = null) =>
        new(id, $"name of {id}", scope, Hash(), created ?? Created, null);

    private static ImmutableArray<byte> Hash() => ImmutableArray.Create(RandomNumberGenerator.GetBytes(32));
}
