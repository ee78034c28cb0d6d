using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.Sqlite;

namespace AIaaS.Storage.IntegrationTests;

public sealed class SqliteItemCatalogStoreTests : ItemCatalogStoreContract
{
    private SqliteTestDatabase? _database;

    [Fact]
    public async Task Reopen_AfterChanges_KeepsEveryRowAndRevisionAndGoesOnFromThem()
    {
        await Store.UpsertAsync("a", Catalog.Full("A"), None);
        await Store.UpsertAsync("b", Catalog.Bare("B"), None);
        var deleted = await Store.DeleteAsync("b", None);
        var before = await Store.ReadChangesAsync(0, 10, None);
        await _database!.CloseAsync();

        var reopened = new SqliteItemCatalogStore(_database.Open(), Clock);
        var after = await reopened.ReadChangesAsync(0, 10, None);
        var next = await reopened.UpsertAsync("c", Catalog.Bare("C"), None);

        Assert.Equal(Catalog.Rows(before.Entries), Catalog.Rows(after.Entries));
        Assert.Equal(before.Entries.Select(e => e.UpdatedAt), after.Entries.Select(e => e.UpdatedAt));
        Catalog.AssertSame(Catalog.Full("A"), (await reopened.GetAsync("a", None))?.Metadata);
        Assert.True((await reopened.GetAsync("b", None))?.IsDeleted);
        Assert.True(next > deleted);
    }

    protected override Task<IItemCatalogStore> OpenAsync()
    {
        _database = Own(new SqliteTestDatabase());
        return Task.FromResult<IItemCatalogStore>(new SqliteItemCatalogStore(_database.Open(), Clock));
    }
}
