using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AIaaS.Storage.IntegrationTests.Contracts;

/// <summary>
/// What every <see cref="IItemCatalogStore"/> promises (the port's XML docs), run against each store by a class that
/// opens an empty one per test on <see cref="Clock"/>. Writes and reads of one item here; paging and concurrency in
/// the other part.
/// </summary>
public abstract partial class ItemCatalogStoreContract : StoreContract<IItemCatalogStore>
{
    /// <summary>The time the store is to stamp its changes with.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(4_321));

    [StorageFact]
    public async Task Upsert_NewItems_ReturnsGrowingRevisions()
    {
        var a = await Store.UpsertAsync("a", Catalog.Bare("A"), None);
        var b = await Store.UpsertAsync("b", Catalog.Bare("B"), None);
        var c = await Store.UpsertAsync("c", Catalog.Bare("C"), None);

        Assert.True(a > 0, "a reader that starts after revision 0 sees every change");
        Assert.True(a < b && b < c, $"revisions {a}, {b}, {c}");
        Assert.Equal([(a, "a", "A"), (b, "b", "B"), (c, "c", "C")], Catalog.Rows((await Store.ReadChangesAsync(0, 10, None)).Entries));
    }

    [StorageFact]
    public async Task Upsert_ItemStoredBefore_ReplacesItAndMovesItAfterTheOthers()
    {
        await Store.UpsertAsync("a", Catalog.Full("first"), None);
        var b = await Store.UpsertAsync("b", Catalog.Bare("B"), None);
        var c = await Store.UpsertAsync("c", Catalog.Bare("C"), None);

        var again = await Store.UpsertAsync("a", Catalog.Bare("second"), None);

        Assert.True(again > c);
        Assert.Equal([(b, "b", "B"), (c, "c", "C"), (again, "a", "second")], Catalog.Rows((await Store.ReadChangesAsync(0, 10, None)).Entries));
        var stored = await Store.GetAsync("a", None);
        Assert.Equal(again, stored?.Revision);
        Catalog.AssertSame(Catalog.Bare("second"), stored?.Metadata);
    }

    [StorageFact]
    public async Task Get_AfterUpsert_ReturnsEveryFieldAsStored()
    {
        var full = Catalog.Full("Cup final");
        var revision = await Store.UpsertAsync("full", full, None);
        Clock.Advance(TimeSpan.FromTicks(12_345));
        var bare = await Store.UpsertAsync("bare", Catalog.Bare("Bare") with { Categories = [] }, None);

        var fullEntry = await Store.GetAsync("full", None);
        var bareEntry = await Store.GetAsync("bare", None);

        Assert.NotNull(fullEntry);
        Assert.Equal((revision, "full", false), (fullEntry.Revision, fullEntry.ItemId, fullEntry.IsDeleted));
        Assert.Equal(Clock.GetUtcNow().AddTicks(-12_345), fullEntry.UpdatedAt);
        Catalog.AssertSame(full, fullEntry.Metadata);
        Assert.NotNull(bareEntry);
        Assert.Equal((bare, Clock.GetUtcNow()), (bareEntry.Revision, bareEntry.UpdatedAt));
        Catalog.AssertSame(Catalog.Bare("Bare"), bareEntry.Metadata);
        Assert.False(bareEntry.Metadata!.Hidden);
        Assert.Null(bareEntry.Metadata.LiveFrom);
    }

    [StorageFact]
    public async Task Get_NeverStored_ReturnsNull()
    {
        await Store.UpsertAsync("a", Catalog.Bare("A"), None);

        Assert.Null(await Store.GetAsync("b", None));
        Assert.Null(await Store.GetAsync("A", None));
    }

    [StorageFact]
    public async Task Upsert_AwkwardIdsAndText_RoundTrip()
    {
        string[] ids = ["ユーザー😀", "e\u0301lément", "'; DROP TABLE catalog; --", "\"quoted\" \\ back", "tab\tline\nreturn\r", "ctrl\u0001\u001f\u007f\u2028", "$1", new string('x', 1000)];
        var metadata = Catalog.Full("nul\u0000 \"title\" 'quoted' \\ 🎵 \u2028") with { Tags = ["ユーザー", "a,b", "\"", ""] };
        foreach (var id in ids)
        {
            await Store.UpsertAsync(id, metadata, None);
        }

        var page = await Store.ReadChangesAsync(0, 100, None);

        Assert.Equal(ids, page.Entries.Select(e => e.ItemId));
        foreach (var id in ids)
        {
            var entry = await Store.GetAsync(id, None);
            Assert.Equal(id, entry?.ItemId);
            Catalog.AssertSame(metadata, entry?.Metadata);
        }
    }

    [StorageFact]
    public async Task Delete_StoredItem_ReturnsALaterRevisionAndLeavesATombstone()
    {
        var stored = await Store.UpsertAsync("a", Catalog.Full("A"), None);
        Clock.Advance(TimeSpan.FromMinutes(3));

        var deleted = await Store.DeleteAsync("a", None);
        var entry = await Store.GetAsync("a", None);

        Assert.NotNull(deleted);
        Assert.True(deleted > stored);
        Assert.NotNull(entry);
        Assert.True(entry.IsDeleted);
        Assert.Null(entry.Metadata);
        Assert.Equal((deleted.Value, "a", Clock.GetUtcNow()), (entry.Revision, entry.ItemId, entry.UpdatedAt));
    }

    [StorageFact]
    public async Task Delete_AlreadyDeletedOrUnknown_ReturnsNullAndChangesNothing()
    {
        await Store.UpsertAsync("a", Catalog.Bare("A"), None);
        var deleted = await Store.DeleteAsync("a", None);
        var before = await Store.ReadChangesAsync(0, 10, None);

        var again = await Store.DeleteAsync("a", None);
        var unknown = await Store.DeleteAsync("never-stored", None);

        Assert.Null(again);
        Assert.Null(unknown);
        Assert.Equal(Catalog.Rows(before.Entries), Catalog.Rows((await Store.ReadChangesAsync(0, 10, None)).Entries));
        Assert.Equal(deleted, (await Store.GetAsync("a", None))?.Revision);
        Assert.Null(await Store.GetAsync("never-stored", None));
    }

    [StorageFact]
    public async Task Upsert_AfterDelete_BringsTheItemBack()
    {
        await Store.UpsertAsync("a", Catalog.Bare("A"), None);
        var deleted = await Store.DeleteAsync("a", None);

        var back = await Store.UpsertAsync("a", Catalog.Full("A again"), None);
        var entry = await Store.GetAsync("a", None);

        Assert.True(back > deleted);
        Assert.NotNull(entry);
        Assert.False(entry.IsDeleted);
        Assert.Equal(back, entry.Revision);
        Catalog.AssertSame(Catalog.Full("A again"), entry.Metadata);
        Assert.Equal([(back, "a", "A again")], Catalog.Rows((await Store.ReadChangesAsync(0, 10, None)).Entries));
        Assert.NotNull(await Store.DeleteAsync("a", None));
    }

    [StorageFact]
    public async Task Arguments_NullOrMaxNotPositive_Throw()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.UpsertAsync(null!, Catalog.Bare("A"), None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.UpsertAsync("a", null!, None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.DeleteAsync(null!, None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.GetAsync(null!, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadChangesAsync(0, 0, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadChangesAsync(0, -1, None));
        Assert.Empty((await Store.ReadChangesAsync(0, 10, None)).Entries);
    }
}
