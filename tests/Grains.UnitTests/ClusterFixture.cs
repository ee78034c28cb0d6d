using AIaaS.Grains.Interfaces;
using AIaaS.Grains.InteractionLog;
using AIaaS.Grains.Options;
using AIaaS.Grains.Storage;
using AIaaS.Grains.Trending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests;

/// <summary>One in-process silo for the whole collection, with a short history so tests cross its bound.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync() =>
        Cluster = await TestClusters.StartAsync(1, services => services.Configure<EngineOptions>(o =>
        {
            o.LogPartitions = 4;
            o.HistoryLength = 20;
            // Tests publish trending explicitly, never by waiting for the timer.
            o.TrendingPublishInterval = TimeSpan.FromHours(1);
        }));

    public IInteractionLogStore Log => TestClusters.LogStore(Cluster);

    public Task RefreshTrendingAsync() =>
        Cluster.Silos[0].ServiceProvider.GetRequiredService<TrendingPublisher>().RefreshAsync();

    public IInteractionLogGrain LogOf(string user)
    {
        var options = Cluster.Silos[0].ServiceProvider.GetRequiredService<IOptions<EngineOptions>>().Value;
        return Client.GetGrain<IInteractionLogGrain>(LogPartitioner.PartitionOf(user, options.LogPartitions));
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
