using AIaaS.Grains.Interfaces;
using AIaaS.Grains.InteractionLog;
using Microsoft.Extensions.DependencyInjection;

namespace AIaaS.Grains.UnitTests;

[Collection(ClusterCollection.Name)]
public sealed class EngineStatsReaderTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ReadAsync_AfterTracking_CountsEventsUsersAndDistinctItems()
    {
        var reader = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<EngineStatsReader>();
        var before = await reader.ReadAsync();
        var countedBefore = await reader.CountEventsAsync();
        var (a, b, item) = (Events.NewId("u"), Events.NewId("u"), Events.NewId("i"));

        await fixture.Client.GetGrain<IUserGrain>(a).TrackAsync(Events.Plays(a, item, Events.NewId("i")));
        await fixture.Client.GetGrain<IUserGrain>(b).TrackAsync(Events.Plays(b, item));

        var after = await reader.ReadAsync();
        Assert.Equal(before.Events + 3, after.Events);
        Assert.Equal(before.Users + 2, after.Users);
        Assert.Equal(before.Items + 2, after.Items);
        Assert.Equal(countedBefore + 3, await reader.CountEventsAsync());
    }
}
