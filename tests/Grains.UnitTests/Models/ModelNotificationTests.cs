using System.Collections.Immutable;
using AIaaS.Engine.Onnx;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests.Models;

/// <summary>
/// Two silos whose periodic refresh is an hour apart: only the retraining grain's notification can bring a new
/// version to them within the test.
/// </summary>
public sealed class ModelNotificationTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await TestClusters.StartAsync(2, services =>
        {
            services.Configure<EngineOptions>(o =>
            {
                o.LogPartitions = 2;
                o.TrendingPublishInterval = TimeSpan.FromHours(1);
                o.ModelRefreshInterval = TimeSpan.FromHours(1);
            });
            services.Configure<RetrainingOptions>(o =>
            {
                o.Factors = 4;
                o.Iterations = 3;
                o.Threads = 1;
                o.ThresholdCheckInterval = TimeSpan.FromHours(1);
            });
        });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Retrain_SilosRefreshingHourly_EverySiloLoadsEachNewVersionWithItsStoredGraph()
    {
        var events = Enumerable.Range(0, 20).SelectMany(u => Events.Plays($"user-{u}", $"item-{u % 5}", $"item-{(u + 1) % 5}"));
        await _cluster.Client.GetGrain<IIngestGrain>(0).IngestAsync([.. events]);

        // The first version may reach a silo through its start-up watch; the second can only come by notification.
        foreach (var expected in new long[] { 1, 2 })
        {
            var status = await TestClusters.TrainAsync(_cluster.Client);
            Assert.Null(status.LastError);
            Assert.Equal(expected, status.Version);
            foreach (var silo in _cluster.Silos)
            {
                var model = await WaitForVersionAsync(silo.ServiceProvider.GetRequiredService<ModelCatalog>(), expected);
                var graph = model.TakeScoringGraph();
                Assert.NotNull(graph);
                Assert.True(OnnxScoringGraph.IsGraphOf(graph, model.Snapshot));
            }
        }
    }

    private static async Task<LoadedModel> WaitForVersionAsync(ModelCatalog catalog, long version)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (catalog.Current?.Version != version)
        {
            await Task.Delay(20, timeout.Token);
        }

        return catalog.Current;
    }
}
