using AIaaS.Client.IntegrationTests.Fakes;
using AIaaS.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIaaS.Client.IntegrationTests;

/// <summary>A host configured only through AddRecommendationClient, talking to a real silo over loopback.</summary>
public sealed class AddRecommendationClientEndToEndTests(LoopbackSiloFixture silo) : IClassFixture<LoopbackSiloFixture>
{
    [Fact]
    public async Task AddRecommendationClient_SiloOnLoopback_TracksRecommendsAndFlushesOnStop()
    {
        var user = Events.NewId("u");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddRecommendationClient(o =>
        {
            o.Gateways.Add($"127.0.0.1:{silo.GatewayPort}");
            o.ClusterId = silo.ClusterId;
            o.ServiceId = silo.ClusterId;
            o.Tracker.BatchSize = 100;
            o.Tracker.FlushInterval = TimeSpan.FromHours(1);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IRecommendationClient>();
        var tracker = host.Services.GetRequiredService<IEventTracker>();

        Assert.Equal(1, await client.TrackAsync(Events.Play(user, "acknowledged")));
        var recommendations = await client.RecommendAsync(user);
        Assert.DoesNotContain(recommendations.Items, item => item.ItemId == "acknowledged");
        Assert.True(tracker.Track(Events.Play(user, "tracked", minute: 1)));
        await host.StopAsync();

        Assert.Equal(1, tracker.Stats.Sent);
        var profile = await ProfileFromSiloAsync(user);
        Assert.Equal(["acknowledged", "tracked"], profile.RecentHistory.Select(e => e.ItemId));
    }

    private Task<Grains.Interfaces.Models.UserProfile> ProfileFromSiloAsync(string user) =>
        silo.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(user).GetProfileAsync().AsTask();
}
