using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.UnitTests;

[Collection(ClusterCollection.Name)]
public sealed class IngestGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task IngestAsync_ManyUsers_EachUserAndItemAndTheLogSeeEveryEvent()
    {
        var users = Enumerable.Range(0, 6).Select(_ => Events.NewId("u")).ToArray();
        var item = Events.NewId("i");
        ImmutableArray<InteractionEvent> batch = [.. users.SelectMany(u => new[] { Events.Play(u, item), Events.Play(u, Events.NewId("i"), 1) })];

        var result = await fixture.Client.GetGrain<IIngestGrain>(0).IngestAsync(batch);

        Assert.Equal(new IngestResult(12, 0), result);
        foreach (var user in users)
        {
            var profile = await fixture.Client.GetGrain<IUserGrain>(user).GetProfileAsync();
            Assert.Equal(2, profile.RecentHistory.Length);
            Assert.Equal(item, profile.RecentHistory[0].ItemId);
        }

        // Popularity is ln(sum of the weights at one time) + that time in half-lives × ln 2.
        var options = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IOptions<EngineOptions>>().Value;
        double Expected(InteractionEvent e, int times) =>
            Math.Log(times * options.WeightOf(e)) + (e.Timestamp.ToUnixTimeMilliseconds() / options.PopularityHalfLife.TotalMilliseconds * Math.Log(2));
        var shared = await fixture.Client.GetGrain<IItemGrain>(item).GetPopularityAsync();
        Assert.Equal(Expected(batch[0], users.Length), shared.LogScore, 6);
        var own = await fixture.Client.GetGrain<IItemGrain>(batch[1].ItemId).GetPopularityAsync();
        Assert.Equal(Expected(batch[1], 1), own.LogScore, 6);
    }

    [Fact]
    public async Task IngestAsync_OneBadEvent_ThrowsAndLogsNothing()
    {
        var user = Events.NewId("u");
        ImmutableArray<InteractionEvent> batch = [Events.Play(user, "fine"), Events.Play(user, "")];

        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.GetGrain<IIngestGrain>(0).IngestAsync(batch).AsTask());

        Assert.Empty((await fixture.Client.GetGrain<IUserGrain>(user).GetProfileAsync()).RecentHistory);
        Assert.Empty(await fixture.Log.ReadUserAsync(user, -1, CancellationToken.None));
    }

    [Fact]
    public async Task OnActivate_LogHasEventsTheUserNeverApplied_ReplaysThem()
    {
        // What a silo failure between the log append and the user's apply leaves behind.
        var user = Events.NewId("u");
        await fixture.LogOf(user).AppendAsync(Events.Plays(user, "a", "b"));

        var profile = await fixture.Client.GetGrain<IUserGrain>(user).GetProfileAsync();

        Assert.Equal(["a", "b"], profile.RecentHistory.Select(e => e.ItemId));
    }

    [Fact]
    public async Task ApplyLoggedAsync_SameEventsTwice_AppliedOnce()
    {
        var user = Events.NewId("u");
        var grain = fixture.Client.GetGrain<IUserGrain>(user);
        await grain.GetProfileAsync();
        var logged = await fixture.LogOf(user).AppendAsync(Events.Plays(user, "x"));

        var first = await grain.ApplyLoggedAsync(logged.Events);
        var second = await grain.ApplyLoggedAsync(logged.Events);

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Single((await grain.GetProfileAsync()).RecentHistory);
    }
}
