using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.UnitTests;

[Collection(ClusterCollection.Name)]
public sealed class InteractionLogGrainTests(ClusterFixture fixture)
{
    // Partition numbers beyond the configured count are never used by user grains, so tests own them.
    private static int _nextPartition = 1000;

    private (IInteractionLogGrain Grain, int Partition) NewPartition()
    {
        var partition = Interlocked.Increment(ref _nextPartition);
        return (fixture.Client.GetGrain<IInteractionLogGrain>(partition), partition);
    }

    [Fact]
    public async Task AppendAsync_SeveralAppends_StoredInOrderWithConsecutiveSequences()
    {
        var (log, partition) = NewPartition();
        var total = 53;
        for (var i = 0; i < total; i += 10)
        {
            var items = Enumerable.Range(i, Math.Min(10, total - i)).Select(n => $"item-{n}").ToArray();
            await log.AppendAsync(Events.Plays("reader", items));
        }

        var all = await TestClusters.ReadPartitionAsync(fixture.Log, partition, pageSize: 9);

        Assert.Equal(Enumerable.Range(0, total).Select(n => (long)n), all.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, total).Select(n => $"item-{n}"), all.Select(e => e.ItemId));
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppends_AllAcknowledgedAndStoredOnce()
    {
        var (log, partition) = NewPartition();
        var appends = Enumerable.Range(0, 40)
            .Select(i => log.AppendAsync(Events.Plays($"user-{i % 7}", $"item-{i}")).AsTask());

        var acknowledged = await Task.WhenAll(appends);

        var stored = await TestClusters.ReadPartitionAsync(fixture.Log, partition, 100);
        Assert.Equal(40, stored.Count);
        Assert.Equal(stored.Select(e => e.Sequence).Order(), acknowledged.SelectMany(a => a.Events).Select(e => e.Sequence).Order());
        Assert.Equal(40, stored.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task AppendAsync_AfterReactivation_ContinuesSequence()
    {
        var (log, partition) = NewPartition();
        await log.AppendAsync(Events.Plays("a", [.. Enumerable.Range(0, 18).Select(n => $"i{n}")]));

        await fixture.Cluster.DeactivateAsync(log);
        await log.AppendAsync(Events.Plays("b", "x"));

        var all = await TestClusters.ReadPartitionAsync(fixture.Log, partition, 100);
        Assert.Equal(19, all.Count);
        Assert.Equal(18, all[^1].Sequence);
    }

    [Fact]
    public async Task AppendAsync_RepeatedEventIds_StoredOnceAndReportedAsDuplicatesWithTheFirstSequence()
    {
        var (log, partition) = NewPartition();
        var dup = Events.NewId("dup");
        var first = await log.AppendAsync([Events.Play(dup, "a") with { EventId = "e1" }, Events.Play(dup, "b") with { EventId = "e2" }]);

        // A retry of the same batch, and a batch repeating an id within itself.
        var retry = await log.AppendAsync([Events.Play(dup, "a") with { EventId = "e1" }, Events.Play(dup, "b") with { EventId = "e2" }]);
        var inner = await log.AppendAsync([Events.Play(dup, "c") with { EventId = "e3" }, Events.Play(dup, "c") with { EventId = "e3" }]);

        Assert.Equal(0, first.Duplicates);
        Assert.Equal(2, retry.Duplicates);
        Assert.Equal(first.Events.Select(e => e.Sequence), retry.Events.Select(e => e.Sequence));
        Assert.Equal(1, inner.Duplicates);
        Assert.Equal(inner.Events[0].Sequence, inner.Events[1].Sequence);
        var stored = await TestClusters.ReadPartitionAsync(fixture.Log, partition, 100);
        Assert.Equal(["a", "b", "c"], stored.Select(e => e.ItemId));
    }

    [Fact]
    public async Task ForgetUserAsync_RemovesOnlyThatUsersEntriesAndReturnsThemInOrder()
    {
        var (log, partition) = NewPartition();
        var (gone, kept) = (Events.NewId("gone"), Events.NewId("kept"));
        for (var i = 0; i < 32; i++)
        {
            await log.AppendAsync([Events.Play(i % 2 == 0 ? gone : kept, $"item-{i}")]);
        }

        var erased = await log.ForgetUserAsync(gone);
        await fixture.Cluster.DeactivateAsync(log);

        Assert.Equal(Enumerable.Range(0, 16).Select(n => $"item-{2 * n}"), erased.Events.Select(e => e.Event.ItemId));
        Assert.Equal(31, erased.ErasedThrough);
        var all = await TestClusters.ReadPartitionAsync(fixture.Log, partition, 5);
        Assert.All(all, e => Assert.Equal(kept, e.UserId));
        Assert.Equal(16, all.Count);
    }

    [Fact]
    public async Task ForgetUserAsync_AfterErasure_NewAppendsGetHigherSequences()
    {
        var (log, partition) = NewPartition();
        var gone = Events.NewId("gone");
        await log.AppendAsync(Events.Plays(gone, "a", "b"));
        await log.ForgetUserAsync(gone);
        await fixture.Cluster.DeactivateAsync(log);

        var after = await log.AppendAsync(Events.Plays(gone, "c"));

        Assert.Equal(2, after.Events.Single().Sequence);
        Assert.Equal(["c"], (await TestClusters.ReadPartitionAsync(fixture.Log, partition, 5)).Select(e => e.ItemId));
    }

    [Fact]
    public async Task AppendAsync_EmptyBatch_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => NewPartition().Grain.AppendAsync([]).AsTask());
    }
}
