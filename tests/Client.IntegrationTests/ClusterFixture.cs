using AIaaS.Client.IntegrationTests.Fakes;
using AIaaS.Grains;
using AIaaS.Grains.Catalog;
using AIaaS.Grains.Options;
using AIaaS.Grains.Trending;
using AIaaS.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AIaaS.Client.IntegrationTests;

/// <summary>One in-process silo running the real grains for the whole collection, and a client over it.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IRecommendationClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddMemoryEngineStorage();
            silo.AddRecommendationEngine();
            // Tests publish trending explicitly, never by waiting for the timer.
            silo.Services.Configure<EngineOptions>(o => o.TrendingPublishInterval = TimeSpan.FromHours(1));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Client = new RecommendationClient(Cluster.Client);
    }

    public Task RefreshTrendingAsync() =>
        Cluster.Silos[0].ServiceProvider.GetRequiredService<TrendingPublisher>().RefreshAsync();

    /// <summary>Has the silo read the catalog's changes now, as it would within one refresh interval.</summary>
    public Task RefreshCatalogAsync() =>
        Cluster.Silos[0].ServiceProvider.GetRequiredService<ItemCatalogRefresher>().RefreshAsync();

    /// <summary>An item several users played at <paramref name="minute"/>, made the top of trending.</summary>
    public async Task<string> HotItemAsync(int minute)
    {
        var hot = Events.NewId("hot");
        var fans = Enumerable.Range(0, 5).Select(_ => Events.NewId("fan"));
        await Client.TrackAsync([.. fans.Select(fan => Events.Play(fan, hot, minute))]);
        await RefreshTrendingAsync();
        return hot;
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
