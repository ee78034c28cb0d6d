using System.Collections.Concurrent;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests.Inference;

/// <summary>Its own silo: publishing models here would change what the shared cluster's user tests see.</summary>
public sealed class HotSwapTests : IAsyncLifetime
{
    private const int Versions = 6;
    private const int Requesters = 8;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await TestClusters.StartAsync(1, services =>
        {
            services.Configure<InferenceOptions>(o =>
            {
                o.Scorer = ScorerKind.Onnx;
                o.MaxBatchSize = 16;
            });
            services.Configure<EngineOptions>(o => o.ModelRefreshInterval = TimeSpan.FromHours(1));
        });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task ScoreAsync_ModelsPublishedWhileInFlight_NoFailureAndNoMixedVersion()
    {
        var catalog = _cluster.Silos[0].ServiceProvider.GetRequiredService<ModelCatalog>();
        catalog.Publish(new LoadedModel(TestModels.Create(1, seed: 1)));
        var seen = Enumerable.Range(0, Versions + 1).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var failures = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var requesters = Enumerable.Range(0, Requesters).Select(r => Task.Run(() => RequestUntilStoppedAsync(r, seen, failures, stop.Token))).ToArray();

        for (long version = 2; version <= Versions; version++)
        {
            await seen[version - 1].Task.WaitAsync(TimeSpan.FromMinutes(1));
            catalog.Publish(new LoadedModel(TestModels.Create(version, seed: (int)version)));
        }

        await seen[Versions].Task.WaitAsync(TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        var counts = await Task.WhenAll(requesters);

        Assert.Empty(failures);
        Assert.All(counts, c => Assert.True(c > 0));
    }

    private async Task<int> RequestUntilStoppedAsync(int requester, TaskCompletionSource[] seen, ConcurrentQueue<string> failures, CancellationToken stop)
    {
        var random = new Random(requester);
        var grain = _cluster.Client.GetGrain<IInferenceGrain>(0);
        int done = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var request = new ScoreRequest(0, [.. TestModels.Vector(random, TestModels.Factors)], 10, [0, 1, 2]);
                var result = await grain.ScoreAsync(request);
                int items = TestModels.ItemsOf(result.ModelVersion);
                if (result.Items.Length != 10 || result.Items.Any(i => i < 3 || i >= items))
                {
                    failures.Enqueue($"version {result.ModelVersion}: items [{string.Join(",", result.Items)}] outside 3..{items - 1} or not 10");
                }

                seen[result.ModelVersion].TrySetResult();
                done++;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Enqueue(ex.ToString());
                seen[^1].TrySetResult();
                break;
            }
        }

        return done;
    }
}
