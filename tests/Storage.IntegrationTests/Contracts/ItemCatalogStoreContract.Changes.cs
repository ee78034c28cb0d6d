using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Infrastructure;

namespace AIaaS.Storage.IntegrationTests.Contracts;

/// <summary>The catalog's change feed: pages in revision order, and a reader that polls while many tasks write.</summary>
public abstract partial class ItemCatalogStoreContract
{
    [StorageFact]
    public async Task ReadChanges_InPages_RevisionOrderTombstonesIncludedAndIsEndOnTheLast()
    {
        for (var i = 0; i < 8; i++)
        {
            await Store.UpsertAsync($"i{i}", Catalog.Bare($"I{i}"), None);
        }

        await Store.DeleteAsync("i2", None);
        await Store.UpsertAsync("i5", Catalog.Bare("I5 again"), None);
        var all = (await Store.ReadChangesAsync(0, 100, None)).Entries;

        var pages = new List<CatalogPage>();
        var after = 0L;
        do
        {
            pages.Add(await Store.ReadChangesAsync(after, 3, None));
            after = pages[^1].Entries.IsEmpty ? after : pages[^1].Entries[^1].Revision;
        }
        while (!pages[^1].IsEnd && pages.Count < 10);

        Assert.Equal(["i0", "i1", "i3", "i4", "i6", "i7", "i2", "i5"], all.Select(e => e.ItemId));
        Assert.Equal([(false, 3), (false, 3), (true, 2)], pages.Select(p => (p.IsEnd, p.Entries.Length)));
        Assert.Equal(Catalog.Rows(all), Catalog.Rows(pages.SelectMany(p => p.Entries)));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.Revision < pair.Second.Revision));
        Assert.True(all[^2].IsDeleted);
        Assert.Equal("I5 again", all[^1].Metadata?.Title);
        Assert.Equal(Catalog.Rows(all.Skip(4)), Catalog.Rows((await Store.ReadChangesAsync(all[3].Revision, 100, None)).Entries));
    }

    [StorageFact]
    public async Task ReadChanges_PageEndsOnTheLastChange_IsEnd()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.UpsertAsync($"i{i}", Catalog.Bare($"I{i}"), None);
        }

        var first = await Store.ReadChangesAsync(0, 3, None);
        var second = await Store.ReadChangesAsync(first.Entries[^1].Revision, 3, None);

        Assert.False(first.IsEnd);
        Assert.Equal(3, second.Entries.Length);
        Assert.True(second.IsEnd);
    }

    [StorageFact]
    public async Task ReadChanges_AfterTheLastRevisionOrOnAnEmptyStore_EmptyAndEnd()
    {
        var empty = await Store.ReadChangesAsync(0, 10, None);
        await Store.UpsertAsync("a", Catalog.Bare("A"), None);
        var last = await Store.DeleteAsync("a", None);

        var after = await Store.ReadChangesAsync(last!.Value, 10, None);
        var beyond = await Store.ReadChangesAsync(last.Value + 1000, 10, None);

        Assert.True(empty.IsEnd && empty.Entries.IsEmpty);
        Assert.True(after.IsEnd && after.Entries.IsEmpty);
        Assert.True(beyond.IsEnd && beyond.Entries.IsEmpty);
    }

    [StorageFact]
    public async Task Upsert_ManyTasksAtOnce_RevisionsUniqueAndAPollingReaderMissesNoChange()
    {
        const int Waves = 3, Writes = 200, Items = 50, PageSize = 7;
        using var writing = new CancellationTokenSource();
        var reader = Task.Run(() => FollowAsync(PageSize, writing.Token));

        // Each wave writes 200 changes to its own 50 items from as many tasks; a reader that has caught up between waves
        // is at the tip when the next begins, where a change committed below a revision it has read would be lost to it.
        // Each write's title is its own, so the reader's final copy of an item names the write it came from.
        var writes = new List<(long Revision, string ItemId, string? Title)>();
        for (var wave = 0; wave < Waves; wave++)
        {
            writes.AddRange(await Task.WhenAll(Enumerable.Range(0, Writes).Select(n => Task.Run(async () =>
            {
                var itemId = $"wave{wave}-item{n % Items}";
                if (n % 9 == 8 && await Store.DeleteAsync(itemId, None) is { } deleted)
                {
                    return (Revision: deleted, ItemId: itemId, Title: (string?)null);
                }

                return (Revision: await Store.UpsertAsync(itemId, Catalog.Bare($"write {n}"), None), ItemId: itemId, Title: $"write {n}");
            }))));
        }

        await writing.CancelAsync();
        var (followed, outOfOrder) = await reader;

        Assert.Equal(Waves * Writes, writes.Select(w => w.Revision).Distinct().Count());
        Assert.Equal(0, outOfOrder);
        var stored = (await Store.ReadChangesAsync(0, Waves * Writes, None)).Entries;
        Assert.Equal(Waves * Items, stored.Length);
        foreach (var last in writes.GroupBy(w => w.ItemId).Select(g => g.MaxBy(w => w.Revision)))
        {
            Assert.Equal((last.Revision, last.Title), (followed[last.ItemId].Revision, followed[last.ItemId].Metadata?.Title));
            Assert.Equal(last.Revision, stored.Single(e => e.ItemId == last.ItemId).Revision);
        }
    }

    /// <summary>
    /// Reads the changes page by page as a silo would, from revision 0, until <paramref name="writing"/> is cancelled
    /// and a page then reaches the end: each item's last row seen, and how many rows came at or below a revision already read.
    /// </summary>
    private async Task<(Dictionary<string, CatalogEntry> Items, int OutOfOrder)> FollowAsync(int pageSize, CancellationToken writing)
    {
        var items = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        var after = 0L;
        var outOfOrder = 0;
        while (true)
        {
            var done = writing.IsCancellationRequested;
            var page = await Store.ReadChangesAsync(after, pageSize, None);
            foreach (var entry in page.Entries)
            {
                outOfOrder += entry.Revision <= after ? 1 : 0;
                after = Math.Max(after, entry.Revision);
                items[entry.ItemId] = entry;
            }

            if (done && page.IsEnd)
            {
                return (items, outOfOrder);
            }

            if (page.IsEnd)
            {
                await Task.Delay(1, CancellationToken.None);
            }
        }
    }
}
