using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Trending;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests;

/// <summary>A cluster of its own for retraining tests: they read the whole log, so no other test may write to it.</summary>
public sealed class RetrainingFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync() =>
        Cluster = await TestClusters.StartTrainingAsync(logPartitions: 4);

    /// <summary>Starts a training and waits for it to end (bounded), then loads the result on the silo.</summary>
    public async Task<ModelStatus> RetrainAsync()
    {
        var status = await TestClusters.TrainAsync(Client);
        await RefreshCatalogAsync();
        return status;
    }

    /// <summary>Loads the current model and catalog delta on the silo now, rather than waiting for its timers.</summary>
    public async Task RefreshCatalogAsync()
    {
        await Services.GetRequiredService<ModelCatalogRefresher>().RefreshAsync();
        await Services.GetRequiredService<Catalog.ItemCatalogRefresher>().RefreshAsync();
        await Services.GetRequiredService<TrendingPublisher>().RefreshAsync();
    }

    public IServiceProvider Services => Cluster.Silos[0].ServiceProvider;

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RetrainingCollection : ICollectionFixture<RetrainingFixture>
{
    public const string Name = "retraining";
}
