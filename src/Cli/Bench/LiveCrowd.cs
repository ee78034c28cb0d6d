using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AIaaS.Cli.Http;

namespace AIaaS.Cli.Bench;

/// <summary>What a live-event crowd is made of.</summary>
/// <param name="Viewers">New viewers, each with an id no earlier run used.</param>
/// <param name="ArrivalSeconds">They arrive evenly over this long, the live window opening as the first arrives.</param>
/// <param name="MinEvents">Fewest events a viewer sends once identified.</param>
/// <param name="MaxEvents">Most events a viewer sends once identified.</param>
/// <param name="MaxInFlight">Most viewers in flight at once: an arrival waits for a slot (and is counted late) rather than the bench growing without bound.</param>
/// <param name="DrainSeconds">After the last arrival, how long the viewers still in flight may take before they are counted unfinished.</param>
/// <param name="LiveItem">The item whose live window the bench opens.</param>
/// <param name="RunId">Prefix of this run's viewer ids.</param>
/// <param name="Seed">Seed of each viewer's choices (plus the viewer's number).</param>
internal sealed record LiveCrowdOptions(int Viewers, int ArrivalSeconds, int MinEvents, int MaxEvents, int MaxInFlight, int DrainSeconds, string LiveItem, string RunId, int Seed);

/// <summary>
/// A live event's crowd against a running engine, bounded in count and time: the bench opens an item's live window,
/// then new viewers arrive at an even rate. Each first asks anonymously (the session path, one browsed item), then,
/// identified, sends 3–5 events one request each as a player would (the live item first, then items from the
/// session's answer), and asks for their own recommendations (the user path). Arrivals keep to the schedule whatever
/// the answers take (an open load), up to <see cref="LiveCrowdOptions.MaxInFlight"/> viewers at once.
/// </summary>
internal static class LiveCrowd
{
    private const int Count = 10;

    /// <summary>The items viewers browse and click: the engine's trending list (empty before any event was imported).</summary>
    public static async Task<List<string>> CatalogAsync(HttpClient http, CancellationToken cancellationToken) =>
        Items(await EngineResponse.GetJsonAsync(http, "/v1/trending?count=200", cancellationToken));

    public static async Task<LiveCrowdResult> RunAsync(HttpClient http, LiveCrowdOptions options, IReadOnlyList<string> catalog, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(catalog.Count);
        var opened = DateTimeOffset.UtcNow;
        await OpenLiveWindowAsync(http, options, opened, cancellationToken);

        var before = await SiloGauges.ReadAsync(http, cancellationToken);
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var peak = SamplePeakWorkingSetAsync(http, before?.WorkingSetBytes ?? 0, sampling.Token);

        var paths = new LiveCrowdPaths();
        using var slots = new SemaphoreSlim(options.MaxInFlight);
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var flows = new List<Task>(options.Viewers);
        var interval = TimeSpan.FromSeconds((double)options.ArrivalSeconds / options.Viewers);
        var started = Stopwatch.GetTimestamp();
        var late = 0;
        var worstLagMs = 0.0;
        for (var v = 0; v < options.Viewers && !cancellationToken.IsCancellationRequested; v++)
        {
            var due = interval * v;
            var ahead = due - Stopwatch.GetElapsedTime(started);
            if (ahead > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(ahead, cancellationToken);
            }

            await slots.WaitAsync(cancellationToken);
            var lagMs = (Stopwatch.GetElapsedTime(started) - due).TotalMilliseconds;
            if (lagMs > 100) late++;
            worstLagMs = Math.Max(worstLagMs, lagMs);
            var viewer = new Viewer(string.Create(CultureInfo.InvariantCulture, $"{options.RunId}-v{v}"), new Random(options.Seed + v));
            flows.Add(RunViewerAsync(http, viewer, options, catalog, paths, slots, drain.Token));
        }

        var arrived = Stopwatch.GetElapsedTime(started);
        drain.CancelAfter(TimeSpan.FromSeconds(options.DrainSeconds));
        await Task.WhenAll(flows);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var after = await SiloGauges.ReadAsync(http, cancellationToken);
        await sampling.CancelAsync();
        var peakWorkingSet = await peak;

        return paths.Result(options, arrived, elapsed, late, worstLagMs, before, after, Math.Max(peakWorkingSet, after?.WorkingSetBytes ?? 0));
    }

    private static async Task RunViewerAsync(
        HttpClient http, Viewer viewer, LiveCrowdOptions options, IReadOnlyList<string> catalog, LiveCrowdPaths paths, SemaphoreSlim slots, CancellationToken drain)
    {
        try
        {
            // Anonymous: the page they landed on, one browsed item; the live item should be among the answer.
            var browsed = catalog[viewer.Random.Next(catalog.Count)];
            var session = await paths.Session.TimeAsync(() => http.PostAsJsonAsync(
                "/v1/sessions/recommendations", new { events = new[] { new { itemId = browsed, type = "view" } }, count = Count }, drain), drain);
            if (session is null) return;
            var answered = Items(session.Value);
            paths.SessionAnswered(answered.Contains(options.LiveItem));

            // Identified: the live item, then what the session offered (or the catalog), one request per event.
            var offered = answered.Where(i => i != options.LiveItem).ToList();
            int events = viewer.Random.Next(options.MinEvents, options.MaxEvents + 1);
            for (var e = 0; e < events; e++)
            {
                var item = e == 0 ? options.LiveItem : offered.Count > 0 ? offered[viewer.Random.Next(offered.Count)] : catalog[viewer.Random.Next(catalog.Count)];
                var body = new { events = new[] { new { userId = viewer.Id, itemId = item, type = e == 0 ? "play" : "view", eventId = string.Create(CultureInfo.InvariantCulture, $"e{e}") } } };
                if (await paths.Events.TimeAsync(() => http.PostAsJsonAsync("/v1/events", body, drain), drain) is null) return;
            }

            var own = await paths.User.TimeAsync(() => http.GetAsync($"/v1/users/{Uri.EscapeDataString(viewer.Id)}/recommendations?count={Count}", drain), drain);
            if (own is null) return;
            paths.Completed();
        }
        finally
        {
            slots.Release();
        }
    }

    private static async Task OpenLiveWindowAsync(HttpClient http, LiveCrowdOptions options, DateTimeOffset opened, CancellationToken cancellationToken)
    {
        // Open from now until well after the crowd has gone: the boost must hold for every arrival.
        var until = opened.AddSeconds(options.ArrivalSeconds + options.DrainSeconds + 300);
        var item = new { title = "Live event", liveFrom = opened, liveUntil = until };
        using var response = await http.PutAsJsonAsync($"/v1/items/{Uri.EscapeDataString(options.LiveItem)}", item, cancellationToken);
        await EngineResponse.EnsureSuccessAsync(response, cancellationToken);
    }

    private static async Task<double> SamplePeakWorkingSetAsync(HttpClient http, double start, CancellationToken stop)
    {
        var peak = start;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
                if (await SiloGauges.ReadAsync(http, stop) is { } gauges) peak = Math.Max(peak, gauges.WorkingSetBytes);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return peak;
    }

    private static List<string> Items(JsonElement answer) =>
        [.. answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()!)];

    private sealed record Viewer(string Id, Random Random);
}
