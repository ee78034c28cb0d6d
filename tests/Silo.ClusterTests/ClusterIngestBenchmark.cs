using AIaaS.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AIaaS.Silo.ClusterTests;

/// <summary>Ingest throughput through the SDK against 1 and 3 silos on Redis; printed, not asserted.</summary>
public sealed class ClusterIngestBenchmark(ITestOutputHelper output)
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(15);

    [ClusterBenchFact]
    public async Task IngestThroughput_OneAndThreeSilos_Printed()
    {
        foreach (var size in new[] { 1, 3 })
        {
            using var redis = await RedisWithPostgreSqlLog.StartAsync();
            using var cluster = new SiloCluster(redis, size);
            await cluster.StartAsync();
            using var clientHost = await cluster.StartClientAsync();
            var load = new LoadGenerator(clientHost.Services.GetRequiredService<IRecommendationClient>(), users: 10_000, items: 1_000);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(workers: 32, stop.Token);
            await Task.Delay(Warmup);
            var (events, at) = (load.Acknowledged, load.Elapsed);
            await Task.Delay(Measured);
            var rate = (load.Acknowledged - events) / (load.Elapsed - at).TotalSeconds;
            await stop.CancelAsync();
            await running;
            var line = $"{size} silo(s): {rate:F0} acknowledged events/s through the SDK (32 workers, one event per call, " +
                $"a recommendation every 4th event, {Measured.TotalSeconds:F0} s after {Warmup.TotalSeconds:F0} s warm-up; {load.Errors.Count} errors)";
            output.WriteLine(line);
            Console.WriteLine($"cluster-bench: {line}");
        }
    }
}
