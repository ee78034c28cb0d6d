using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests;

/// <summary>A silo bounded to a few active users: the others deactivate, and come back with everything they had.</summary>
public sealed class ActiveUserLimitTests : IAsyncLifetime
{
    private const int Limit = 4;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await TestClusters.StartAsync(1, services => services.Configure<EngineOptions>(o => o.MaxActiveUsers = Limit));

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task TrackAsync_MoreUsersThanTheLimit_KeepsAtMostTheLimitActiveAndLosesNoEvent()
    {
        var client = _cluster.Client;
        var users = Enumerable.Range(0, 3 * Limit).Select(_ => Events.NewId("resident")).ToArray();
        foreach (var user in users)
        {
            await client.GetGrain<IUserGrain>(user).TrackAsync(Events.Plays(user, $"{user}-a", $"{user}-b"));
        }

        await WaitForActiveUsersAtMostAsync(Limit);

        // Reading each profile brings every user back, in turn pushing others out: each still has both events.
        foreach (var user in users)
        {
            var profile = await client.GetGrain<IUserGrain>(user).GetProfileAsync();
            Assert.Equal([$"{user}-a", $"{user}-b"], profile.RecentHistory.Select(e => e.ItemId));
            Assert.Equal(2, profile.StoredHistory.Length);
        }

        await WaitForActiveUsersAtMostAsync(Limit);
    }

    private async Task WaitForActiveUsersAtMostAsync(int limit)
    {
        // Deactivation runs after the request that caused it: poll, with a deadline far above what it takes.
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        var active = int.MaxValue;
        for (var attempt = 0; attempt < 300 && active > limit; attempt++)
        {
            var statistics = await management.GetSimpleGrainStatistics();
            active = statistics.Where(s => s.GrainType.Contains("UserGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
            if (active > limit)
            {
                await Task.Delay(100);
            }
        }

        Assert.InRange(active, 1, limit);
    }
}
