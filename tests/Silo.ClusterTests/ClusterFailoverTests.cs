using System.Diagnostics;
using AIaaS.Client;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace AIaaS.Silo.ClusterTests;

/// <summary>
/// Three silo processes on Redis membership and storage. Timings are measured and printed, never asserted: this
/// machine is shared and small.
/// </summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    private readonly ClusterTestOutput _output = new(output);
    private static readonly TimeSpan DetectionDeadline = TimeSpan.FromSeconds(60);

    [RedisFact]
    public async Task SiloKilledMidLoad_EveryAcknowledgedEventSurvivesAndSurvivorsKeepServing()
    {
        using var redis = await RedisWithPostgreSqlLog.StartAsync();
        using var cluster = new SiloCluster(redis, size: 3);
        await _output.RunAsync(cluster, async () =>
        {
            _output.Print($"3 silos ready in {(await cluster.StartAsync()).TotalSeconds:F1} s");
            using var clientHost = await cluster.StartClientAsync();
            var client = clientHost.Services.GetRequiredService<IRecommendationClient>();
            var load = new LoadGenerator(client, users: 200, items: 50);
            var victim = cluster.Silos[1];
            TimeSpan killedAt, detectedAt;
            long recommendationsAtKill;
            using (var stop = new CancellationTokenSource())
            {
                var running = load.RunAsync(workers: 8, stop.Token);
                try
                {
                    await WaitUntilAsync(() => load.Acknowledged >= 500, TimeSpan.FromSeconds(60), "500 acknowledged events before the kill");
                    recommendationsAtKill = load.Recommendations;
                    killedAt = load.Elapsed;
                    victim.Kill();
                    detectedAt = await WaitForDeathAsync(clientHost, victim, load);

                    // Keep the load on the survivors a while after the cluster agreed the victim is dead.
                    await Task.Delay(TimeSpan.FromSeconds(5));
                }
                finally
                {
                    await stop.CancelAsync();
                    await running;
                }
            }

            var errors = load.Errors.ToList();
            _output.Print($"load: {load.Acknowledged} acknowledged, {load.FailedTracks} failed tracks, {load.Recommendations} recommendations, " +
                $"{errors.Count} errors ({errors.Count(e => e < killedAt)} before the kill), over {load.Elapsed.TotalSeconds:F1} s");
            _output.Print($"failure detection: {(detectedAt - killedAt).TotalSeconds:F1} s from SIGKILL until the membership table said Dead");
            _output.Print(errors.Count == 0
                ? "error window: no call failed"
                : $"error window: calls started up to {(errors.Max() - killedAt).TotalSeconds:F1} s after SIGKILL failed; every later call succeeded");
            Assert.True(load.Recommendations > recommendationsAtKill, "The survivors served no recommendation after the kill.");

            // After the window the survivors serve every call.
            var verified = 0;
            for (var i = 0; i < 50; i++)
            {
                var user = $"after-{i}";
                verified += await client.TrackAsync(
                    new Grains.Interfaces.Models.InteractionEvent(user, $"i{i}", Grains.Interfaces.Models.EventType.Play, null, DateTimeOffset.UtcNow));
                await client.RecommendAsync(user);
            }

            // A failed track may or may not have been applied before the failure reached the client.
            var acknowledged = load.Acknowledged + verified;
            var stats = await cluster.ReadStatsAsync(cluster.Running.First());
            _output.Print($"GET /v1/stats from a survivor: {stats.Events} events; acknowledged {acknowledged}, failed in flight {load.FailedTracks}");
            Assert.InRange(stats.Events, acknowledged, acknowledged + load.FailedTracks);

            // The retraining grain (one per cluster) runs on a survivor, whichever silo it lived on before.
            var survivor = cluster.Running.First();
            var training = Stopwatch.StartNew();
            await cluster.RetrainAsync(survivor);
            ModelStatus model;
            while ((model = await cluster.ReadModelAsync(survivor)) is not { Version: 1, Training: false })
            {
                Assert.Null(model.LastError);
                Assert.True(training.Elapsed < DetectionDeadline, $"No model version 1 on the survivors after {DetectionDeadline}.");
                await Task.Delay(200);
            }

            Assert.True(model.Items > 0);
            _output.Print($"retraining after the kill: model version 1 with {model.Items} items in {training.Elapsed.TotalSeconds:F1} s");
        });
    }

    [RedisFact]
    public async Task EverySiloRestarted_UsersItemsLogAndModelComeBack()
    {
        using var redis = await RedisWithPostgreSqlLog.StartAsync();
        using var cluster = new SiloCluster(redis, size: 3);
        await _output.RunAsync(cluster, () => RestartScenario.RunAsync(cluster, _output.Print));
    }

    /// <summary>Polls the survivors' membership view until the victim is Dead; returns when, on the load's clock.</summary>
    private static async Task<TimeSpan> WaitForDeathAsync(IHost clientHost, SiloProcess victim, LoadGenerator load)
    {
        var management = clientHost.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < DetectionDeadline)
        {
            try
            {
                var hosts = await management.GetHosts(onlyActive: false).WaitAsync(TimeSpan.FromSeconds(5));
                if (hosts.Any(h => h.Key.Endpoint.Port == victim.SiloPort && h.Value == SiloStatus.Dead))
                {
                    return load.Elapsed;
                }
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException or SiloUnavailableException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The cluster did not declare the killed silo dead within {DetectionDeadline}.");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan deadline, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {deadline}.");
            }

            await Task.Delay(50);
        }
    }
}
