using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Infrastructure;

namespace AIaaS.Storage.IntegrationTests.Contracts;

/// <summary>Erasure, counts and concurrent writers.</summary>
public abstract partial class InteractionLogStoreContract
{
    [StorageFact]
    public async Task EraseUser_EventsInSeveralPartitions_ReturnsThemInSequenceOrderAndRecordsAnErasure()
    {
        await Store.AppendAsync(0, [Events.At(3, "u", "a", "x"), Events.At(4, "v", "a"), Events.At(9, "u", "b")], None);
        await Store.AppendAsync(1, [Events.At(1, "u", "c"), Events.At(7, "u", "a", "y")], None);
        var before = await Store.ReadErasuresAsync(0, None);

        var erased = await Store.EraseUserAsync("u", None);
        var second = await Store.EraseUserAsync("v", None);
        var erasures = await Store.ReadErasuresAsync(0, None);

        Assert.Empty(before);
        Assert.Equal([1L, 3, 7, 9], erased.Select(e => e.Sequence));
        Assert.Equal(Events.At(3, "u", "a", "x"), erased[1]);
        Assert.Equal([4L], second.Select(e => e.Sequence));
        Assert.Equal(["u", "v"], erasures.Select(e => e.UserId));
        Assert.True(erasures[1].Id > erasures[0].Id, $"erasure ids {erasures[0].Id}, {erasures[1].Id}");
        Assert.Equal(["v"], (await Store.ReadErasuresAsync(erasures[0].Id, None)).Select(e => e.UserId));
        Assert.Empty(await Store.ReadUserAsync("u", -1, None));
        Assert.Empty((await Store.ReadPageAsync(1, -1, 10)).Rows);
    }

    [StorageFact]
    public async Task EraseUser_NoEvents_ReturnsNoneAndStillRecordsTheErasure()
    {
        var erased = await Store.EraseUserAsync("nobody", None);

        Assert.Empty(erased);
        Assert.Equal(["nobody"], (await Store.ReadErasuresAsync(0, None)).Select(e => e.UserId));
    }

    [StorageFact]
    public async Task GetLastSequence_AfterTheUserOfTheLastEventsIsErased_NotLowered()
    {
        await Store.AppendAsync(4, [Events.At(0, "keep", "a"), Events.At(1, "gone", "a"), Events.At(2, "gone", "b")], None);

        await Store.EraseUserAsync("gone", None);

        Assert.Equal(2, await Store.GetLastSequenceAsync(4, None));
        Assert.Equal([0L], (await Store.ReadPageAsync(4, -1, 10)).Rows.Select(r => r.Sequence));
    }

    [StorageFact]
    public async Task Append_EventIdOfAnErasedUser_StoredAgain()
    {
        await Store.AppendAsync(0, [Events.At(0, "u", "a", "e")], None);
        await Store.EraseUserAsync("u", None);

        var stored = await Store.AppendAsync(0, [Events.At(1, "u", "a", "e")], None);

        Assert.Equal<long>([1], stored);
        Assert.Equal(new LogTotals(1, 1, 1), await Store.CountAsync(None));
    }

    [StorageFact]
    public async Task Count_AfterAppendsDuplicatesAndErasure_CountsStoredEventsUsersAndItems()
    {
        await Store.AppendAsync(0, [Events.At(0, "u1", "a", "e"), Events.At(1, "u1", "b"), Events.At(2, "u2", "a"), Events.At(3, "u1", "a", "e")], None);
        await Store.AppendAsync(1, [Events.At(0, "u3", "c"), Events.At(1, "u2", "b"), Events.At(2, "u1", "d")], None);
        var afterAppends = await Store.CountAsync(None);

        await Store.EraseUserAsync("u1", None);

        // Item d was u1's alone; a and b are u2's too, c is u3's.
        Assert.Equal(new LogTotals(6, 3, 4), afterAppends);
        Assert.Equal(new LogTotals(3, 2, 3), await Store.CountAsync(None));
        Assert.Equal(3, await Store.CountEventsAsync(None));
    }

    /// <summary>An erasure that races appends of other partitions naming the same items unlists only the item nobody else named.</summary>
    [StorageFact]
    public async Task EraseUser_WhileOtherPartitionsAppendItsItems_ListsTheItemsOthersHold()
    {
        const int Writers = 3, Appends = 40;
        await Store.AppendAsync(0, [Events.At(0, "erased", "a"), Events.At(1, "erased", "b"), Events.At(2, "erased", "alone")], None);

        var writers = Enumerable.Range(1, Writers).Select(p => Task.Run(async () =>
        {
            for (var s = 0; s < Appends; s++)
            {
                await Store.AppendAsync(p, [Events.At(s, $"writer{p}", s % 2 == 0 ? "a" : "b")], None);
            }
        }));
        var erasure = Task.Run(() => Store.EraseUserAsync("erased", None));
        await Task.WhenAll([.. writers, erasure]);

        Assert.Equal(new LogTotals(Writers * Appends, Writers, 2), await Store.CountAsync(None));
    }

    [StorageFact]
    public async Task Append_PartitionsWrittenConcurrently_EveryEventStoredOnceAndCounted()
    {
        const int Partitions = 6, Batches = 12, BatchSize = 50, Users = 7, Items = 23, Retried = 10;

        // One writer per partition, as the log grains are; batches after the first also resend the previous batch's
        // first events (a retry), which must come back with their first sequences and not be counted again.
        var writers = Enumerable.Range(0, Partitions).Select(p => Task.Run(async () =>
        {
            var mismatches = 0;
            for (var b = 0; b < Batches; b++)
            {
                var batch = new List<LoggedEvent>();
                for (var j = 0; j < BatchSize; j++)
                {
                    var s = (b * BatchSize) + j;
                    batch.Add(Events.At(s, $"p{p}-u{s % Users}", $"item{(s + p) % Items}", $"{p}/{s}"));
                }

                var retried = b == 0 ? [] : Enumerable.Range((b - 1) * BatchSize, Retried).Select(s => Events.At(10_000 + s, $"p{p}-u{s % Users}", "x", $"{p}/{s}"));
                var stored = await Store.AppendAsync(p, [.. batch, .. retried], None);
                mismatches += stored.Take(BatchSize).Where((seq, j) => seq != (b * BatchSize) + j).Count();
                mismatches += stored.Skip(BatchSize).Where((seq, j) => seq != ((b - 1) * BatchSize) + j).Count();
            }

            return mismatches;
        })).ToList();
        var mismatched = await Task.WhenAll(writers);

        Assert.All(mismatched, m => Assert.Equal(0, m));
        Assert.Equal(new LogTotals(Partitions * Batches * BatchSize, Partitions * Users, Items), await Store.CountAsync(None));
        for (var p = 0; p < Partitions; p++)
        {
            var (rows, page) = await Store.ReadPageAsync(p, -1, Batches * BatchSize);
            Assert.Equal(Enumerable.Range(0, Batches * BatchSize).Select(s => (long)s), rows.Select(r => r.Sequence));
            Assert.True(page.IsEnd);
            Assert.Equal((Batches * BatchSize) - 1, await Store.GetLastSequenceAsync(p, None));
        }
    }
}
