using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.UnitTests;

[Collection(ClusterCollection.Name)]
public sealed class InteractionLogGrainTests(ClusterFixture fixture)
{
    // Partition numbers beyond the configured count are never used by user grains, so tests own them.
    private static int _nextPartition = 1000;

    private IInteractionLogGrain NewPartition() => fixture.Client.GetGrain<IInteractionLogGrain>(Interlocked.Increment(ref _nextPartition));

    [Fact]
    public async Task ReadAsync_AcrossSegments_ReturnsEveryEventInOrder()
    {
        var log = NewPartition();
        var total = ClusterFixture.SegmentSize * 3 + 5;
        for (var i = 0; i < total; i += 10)
        {
            var items = Enumerable.Range(i, Math.Min(10, total - i)).Select(n => $"item-{n}").ToArray();
            await log.AppendAsync(Events.Plays("reader", items));
        }

        var all = await ReadAllAsync(log, pageSize: 9);

        Assert.Equal(total, all.Count);
        Assert.Equal(Enumerable.Range(0, total).Select(n => (long)n), all.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, total).Select(n => $"item-{n}"), all.Select(e => e.Event.ItemId));
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppends_AllAcknowledgedAndStored()
    {
        var log = NewPartition();
        var appends = Enumerable.Range(0, 40)
            .Select(i => log.AppendAsync(Events.Plays($"user-{i % 7}", $"item-{i}")).AsTask());

        await Task.WhenAll(appends);

        var stats = await log.GetStatsAsync();
        Assert.Equal(40, stats.Events);
        Assert.Equal(7, stats.Users);
        Assert.Equal(40, stats.Items.Length);
        Assert.Equal(40, (await ReadAllAsync(log, 100)).Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task AppendAsync_AfterReactivation_ContinuesSequenceAndKeepsCounts()
    {
        var log = NewPartition();
        await log.AppendAsync(Events.Plays("a", [.. Enumerable.Range(0, ClusterFixture.SegmentSize + 2).Select(n => $"i{n}")]));

        await fixture.Cluster.DeactivateAsync(log);
        await log.AppendAsync(Events.Plays("b", "x"));

        var all = await ReadAllAsync(log, 100);
        Assert.Equal(ClusterFixture.SegmentSize + 3, all.Count);
        Assert.Equal(ClusterFixture.SegmentSize + 2, all[^1].Sequence);
        Assert.Equal(2, (await log.GetStatsAsync()).Users);
    }

    [Fact]
    public async Task ForgetUserAsync_RemovesOnlyThatUsersEntries()
    {
        var log = NewPartition();
        for (var i = 0; i < ClusterFixture.SegmentSize * 2; i++)
        {
            await log.AppendAsync([Events.Play(i % 2 == 0 ? "gone" : "kept", $"item-{i}")]);
        }

        var removed = await log.ForgetUserAsync("gone");
        await fixture.Cluster.DeactivateAsync(log);

        Assert.Equal(ClusterFixture.SegmentSize, removed);
        var all = await ReadAllAsync(log, 5);
        Assert.All(all, e => Assert.Equal("kept", e.Event.UserId));
        Assert.Equal(ClusterFixture.SegmentSize, all.Count);
        var stats = await log.GetStatsAsync();
        Assert.Equal(1, stats.Users);
        Assert.Equal(ClusterFixture.SegmentSize, stats.Events);
    }

    [Fact]
    public async Task AppendAsync_EmptyBatch_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => NewPartition().AppendAsync([]).AsTask());
    }

    private static async Task<List<LoggedEvent>> ReadAllAsync(IInteractionLogGrain log, int pageSize)
    {
        var all = new List<LoggedEvent>();
        var from = 0L;
        while (true)
        {
            var page = await log.ReadAsync(from, pageSize);
            all.AddRange(page.Events);
            if (page.IsEnd)
            {
                return all;
            }

            from = page.NextSequence;
        }
    }
}
