using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.UnitTests;

/// <summary>Exactly-once application of logged events to users and items, whatever order and path they arrive by.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UserLogConsistencyTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task IngestAsync_LargeBatchForInactiveUser_EveryItemCountedOnceAndNewestHistoryKept()
    {
        // 1,000 events for a user who is not active, far more than the history holds (20 in this fixture): the
        // activation's catch-up with the log and the ingest's own apply deliver the same events.
        var user = Events.NewId("bulk");
        var items = Enumerable.Range(0, 1000).Select(i => Events.NewId($"bulk-item-{i}")).ToArray();
        ImmutableArray<InteractionEvent> batch = [.. items.Select(item => new InteractionEvent(user, item, EventType.Play, null, At))];

        await fixture.Client.GetGrain<IIngestGrain>(0).IngestAsync(batch);

        var first = await fixture.Client.GetGrain<IItemGrain>(items[0]).GetPopularityAsync();
        var last = await fixture.Client.GetGrain<IItemGrain>(items[^1]).GetPopularityAsync();
        Assert.Equal(first.LogScore, last.LogScore, 9);
        var profile = await fixture.Client.GetGrain<IUserGrain>(user).GetProfileAsync();
        Assert.Equal(1000, profile.CountsByType[EventType.Play]);
        Assert.Equal(items[^20..], profile.RecentHistory.Select(e => e.ItemId));
    }

    [Fact]
    public async Task OnActivate_LaterEventAppliedBeforeEarlierOne_EarlierOneReplayedAfterRestart()
    {
        // Two acknowledged events whose applies raced: only the later one reached the user before the silo went down.
        var user = Events.NewId("order");
        var grain = fixture.Client.GetGrain<IUserGrain>(user);
        await grain.GetProfileAsync();
        var earlier = await fixture.LogOf(user).AppendAsync(Events.Plays(user, "early"));
        var later = await fixture.LogOf(user).AppendAsync(Events.Plays(user, "late"));
        await grain.ApplyLoggedAsync(later.Events);

        await fixture.Cluster.DeactivateAsync(grain);

        var profile = await grain.GetProfileAsync();
        Assert.Equal(["early", "late"], profile.RecentHistory.Select(e => e.ItemId));
        Assert.Equal(2, profile.CountsByType[EventType.Play]);
    }

    [Fact]
    public async Task ApplyLoggedAsync_AfterForget_ErasedEventsNeverComeBack()
    {
        // An ingest's apply that was already on its way when the user was forgotten.
        var user = Events.NewId("late-apply");
        var grain = fixture.Client.GetGrain<IUserGrain>(user);
        var logged = await fixture.LogOf(user).AppendAsync(Events.Plays(user, "x", "y"));
        await grain.ForgetAsync();

        var updates = await grain.ApplyLoggedAsync(logged.Events);
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Empty(updates);
        Assert.Empty((await grain.GetProfileAsync()).RecentHistory);
        Assert.Empty(await fixture.Log.ReadUserAsync(user, -1, CancellationToken.None));
    }

    [Fact]
    public async Task ForgetAsync_ItemsForgetTheUsersCoOccurrenceAndPopularity()
    {
        var (user, other) = (Events.NewId("forget-co"), Events.NewId("stays"));
        var (a, b) = (Events.NewId("co-a"), Events.NewId("co-b"));
        await fixture.Client.GetGrain<IUserGrain>(other).TrackAsync([new InteractionEvent(other, a, EventType.Play, null, At)]);
        var before = await fixture.Client.GetGrain<IItemGrain>(a).GetPopularityAsync();
        await fixture.Client.GetGrain<IUserGrain>(user).TrackAsync([new InteractionEvent(user, a, EventType.Play, null, At), new InteractionEvent(user, b, EventType.Play, null, At)]);
        Assert.Contains(a, (await fixture.Client.GetGrain<IItemGrain>(b).GetSimilarAsync(10)).Select(s => s.ItemId));

        await fixture.Client.GetGrain<IUserGrain>(user).ForgetAsync();

        Assert.Empty(await fixture.Client.GetGrain<IItemGrain>(b).GetSimilarAsync(10));
        Assert.Equal(before.LogScore, (await fixture.Client.GetGrain<IItemGrain>(a).GetPopularityAsync()).LogScore, 9);
    }

    [Fact]
    public async Task TrackAsync_RetriedBatchWithEventIds_AppliedOnce()
    {
        var user = Events.NewId("retry");
        var grain = fixture.Client.GetGrain<IUserGrain>(user);
        ImmutableArray<InteractionEvent> batch = [Events.Play(user, "r1") with { EventId = "e1" }, Events.Play(user, "r2") with { EventId = "e2" }];

        var first = await grain.TrackAsync(batch);
        var retry = await grain.TrackAsync(batch);

        Assert.Equal((2, 0), (first, retry));
        var profile = await grain.GetProfileAsync();
        Assert.Equal(2, profile.CountsByType[EventType.Play]);
        Assert.Equal(2, (await fixture.Log.ReadUserAsync(user, -1, CancellationToken.None)).Length);
    }
}
