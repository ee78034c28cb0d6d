using System.Diagnostics;
using AIaaS.Client;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIaaS.Silo.ClusterTests;

/// <summary>
/// Ingest, train a model, stop every silo (gracefully, or with SIGKILL once the periodic saves have run), start them
/// again: the log, users, items, the model and a known user's recommendations must all come back from the store
/// alone. Shared by the Redis, the PostgreSQL and the embedded SQLite tests.
/// </summary>
internal static class RestartScenario
{
    private const string KnownUser = "u1";

    /// <summary>A user with no history: served from the cluster's trending list.</summary>
    private const string NewUser = "newcomer";
    private static readonly TimeSpan ModelDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan TrendingDeadline = TimeSpan.FromSeconds(30);

    /// <param name="cluster">The silos, not started yet.</param>
    /// <param name="print">Where the timings go.</param>
    /// <param name="killAfter">Null: a graceful stop. Else wait this long (past every save interval), then SIGKILL each silo.</param>
    public static async Task RunAsync(SiloCluster cluster, Action<string> print, TimeSpan? killAfter = null)
    {
        await cluster.StartAsync();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var events = Enumerable.Range(0, 400)
            .Select(n => new InteractionEvent($"u{n % 40}", $"i{(n * 7) % 60}", EventType.Play, null, start.AddSeconds(n)))
            .ToList();
        Observed before;
        using (var clientHost = await cluster.StartClientAsync())
        {
            var client = clientHost.Services.GetRequiredService<IRecommendationClient>();
            Assert.Equal(events.Count, await client.TrackAsync(events));
            var trained = await TrainAsync(cluster, client);
            await WaitForTrendingAsync(client);
            print($"model version 1 trained and served to {KnownUser} after {trained.TotalSeconds:F1} s");
            before = await ObserveAsync(cluster, clientHost);
            await clientHost.StopAsync();
        }

        if (killAfter is { } wait)
        {
            await Task.Delay(wait);
            foreach (var silo in cluster.Silos)
            {
                silo.Kill();
            }
        }
        else
        {
            await cluster.StopAllAsync();
        }

        var clock = Stopwatch.StartNew();
        var ready = await cluster.StartAsync();
        using (var clientHost = await cluster.StartClientAsync())
        {
            var client = clientHost.Services.GetRequiredService<IRecommendationClient>();
            await client.RecommendAsync(KnownUser);
            print($"cold restart: {cluster.Size} silos ready (model loaded) in {ready.TotalSeconds:F1} s, serving {KnownUser}'s recommendations after {clock.Elapsed.TotalSeconds:F1} s");
            var trending = await WaitForTrendingAsync(client);
            print($"trending list served to a new user (settled) {trending.TotalSeconds:F1} s later");
            var after = await ObserveAsync(cluster, clientHost);
            print($"recommendations for {KnownUser} before: [{before.Recommendations}] after: [{after.Recommendations}]");
            print($"recommendations for {NewUser} before: [{before.NewUserRecommendations}] after: [{after.NewUserRecommendations}]");
            Assert.Equal(events.Count, before.Stats.Events);
            Assert.Equal(1, before.ModelVersion);
            Assert.Equal(before, after);
        }
    }

    /// <summary>Asks for a retraining and waits until the known user is served by model version 1.</summary>
    private static async Task<TimeSpan> TrainAsync(SiloCluster cluster, IRecommendationClient client)
    {
        var clock = Stopwatch.StartNew();
        await cluster.RetrainAsync(cluster.Silos[0]);
        while (await cluster.ReadModelAsync(cluster.Silos[0]) is not { Version: 1, Training: false } status || status.LastError is not null)
        {
            Assert.True(clock.Elapsed < ModelDeadline, $"No model version 1 after {ModelDeadline}.");
            await Task.Delay(200);
        }

        // Each silo loads the new version within its refresh interval; the user's silo may not have it yet.
        while ((await client.RecommendAsync(KnownUser)).ModelVersion != 1)
        {
            Assert.True(clock.Elapsed < ModelDeadline, $"{KnownUser} was not served by model version 1 within {ModelDeadline}.");
            await Task.Delay(200);
        }

        return clock.Elapsed;
    }

    /// <summary>
    /// Waits until a new user is served the same non-empty trending list twice, a few publish intervals apart:
    /// each silo refreshes its copy once per interval, so a list read just after traffic may lack the items that
    /// another silo reported last.
    /// </summary>
    private static async Task<TimeSpan> WaitForTrendingAsync(IRecommendationClient client)
    {
        var clock = Stopwatch.StartNew();
        var previous = "";
        while (true)
        {
            var current = await client.RecommendAsync(NewUser);
            if (!current.Items.IsEmpty && Describe(current) == previous)
            {
                return clock.Elapsed;
            }

            Assert.True(clock.Elapsed < TrendingDeadline, $"{NewUser} was served no settled trending list within {TrendingDeadline}.");
            previous = Describe(current);
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
    }

    private static async Task<Observed> ObserveAsync(SiloCluster cluster, IHost clientHost)
    {
        var client = clientHost.Services.GetRequiredService<IRecommendationClient>();
        var grains = clientHost.Services.GetRequiredService<IClusterClient>();
        var profile = await grains.GetGrain<IUserGrain>(KnownUser).GetProfileAsync();
        var similar = await client.SimilarItemsAsync("i7");
        var recommendations = await client.RecommendAsync(KnownUser);
        var newUser = await client.RecommendAsync(NewUser);
        var model = await cluster.ReadModelAsync(cluster.Silos[0]);
        return new Observed(
            await cluster.ReadStatsAsync(cluster.Silos[0]),
            model.Version,
            model.TrainedAt,
            string.Join(",", profile.RecentHistory.Select(e => $"{e.ItemId}@{e.Timestamp:O}")),
            string.Join(",", similar.Select(i => i.ItemId)),
            Describe(recommendations),
            Describe(newUser));
    }

    private static string Describe(Recommendations recommendations) =>
        $"v{recommendations.ModelVersion}: " + string.Join(",", recommendations.Items.Select(i => i.ItemId));

    /// <summary>What must be the same after the restart; recommendations are the model version, items and order.</summary>
    private sealed record Observed(
        EngineStats Stats,
        long? ModelVersion,
        DateTimeOffset? TrainedAt,
        string History,
        string Similar,
        string Recommendations,
        string NewUserRecommendations);
}
