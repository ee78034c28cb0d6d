using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AIaaS.Cli.Bench;
using AIaaS.Cli.Http;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas bench live`: a live event's crowd of new viewers against a running engine (docs/benchmarks.md).</summary>
internal static class BenchLiveCommand
{
    private const double MiB = 1024 * 1024;

    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "Base address of a running engine with events (and a model)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var viewers = new Option<int>("--viewers") { Description = "New viewers (1–1000000)", DefaultValueFactory = _ => 50_000 };
        var seconds = new Option<int>("--seconds") { Description = "Seconds over which they arrive, evenly (1–600)", DefaultValueFactory = _ => 60 };
        var minEvents = new Option<int>("--min-events") { Description = "Fewest events a viewer sends (1–100)", DefaultValueFactory = _ => 3 };
        var maxEvents = new Option<int>("--max-events") { Description = "Most events a viewer sends (min-events–100)", DefaultValueFactory = _ => 5 };
        var inFlight = new Option<int>("--max-in-flight") { Description = "Most viewers in flight at once (1–100000); later arrivals wait and are counted late", DefaultValueFactory = _ => 2_000 };
        var drain = new Option<int>("--drain-seconds") { Description = "After the last arrival, seconds the viewers in flight may take (1–600)", DefaultValueFactory = _ => 60 };
        var liveItem = new Option<string?>("--live-item") { Description = "The item whose live window opens (1–256 characters; default: the middle of the trending list, an item the model knows)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the viewers' choices", DefaultValueFactory = _ => 42 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object as the last line" };
        var apiKey = ApiKeyOption.Create();
        var command = new Command("live", "A live-event crowd: new viewers ask anonymously, send events once identified, ask for their own recommendations")
        {
            server, apiKey, viewers, seconds, minEvents, maxEvents, inFlight, drain, liveItem, seed, json,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var least = CliErrors.InRange(parse.GetValue(minEvents), 1, 100, "--min-events");
            var named = parse.GetValue(liveItem);
            if (named is not null && (named.Length is 0 or > 256 || named.Any(char.IsControl)))
            {
                throw new ArgumentException($"--live-item must be 1 to 256 characters without control characters (was '{named}').");
            }

            // Each run's viewers are new: their ids carry the run's start time.
            var runId = string.Create(CultureInfo.InvariantCulture, $"live{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
            var options = new LiveCrowdOptions(
                CliErrors.InRange(parse.GetValue(viewers), 1, 1_000_000, "--viewers"),
                CliErrors.InRange(parse.GetValue(seconds), 1, 600, "--seconds"),
                least,
                CliErrors.InRange(parse.GetValue(maxEvents), least, 100, "--max-events"),
                CliErrors.InRange(parse.GetValue(inFlight), 1, 100_000, "--max-in-flight"),
                CliErrors.InRange(parse.GetValue(drain), 1, 600, "--drain-seconds"),
                named ?? string.Empty,
                runId,
                parse.GetValue(seed));
            using var http = EngineHttp.Create(parse.GetValue(server)!, ApiKeyOption.Resolve(parse, apiKey));
            var catalog = await LiveCrowd.CatalogAsync(http, ct);
            if (catalog.Count == 0)
            {
                return CliErrors.Fail("the engine's trending list is empty: import events (and train) before a live-event crowd");
            }

            // A scheduled broadcast is in the catalog, and watched, before its window opens.
            options = options with { LiveItem = named ?? catalog[catalog.Count / 2] };

            var result = await LiveCrowd.RunAsync(http, options, catalog, ct);
            Print(result);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(Json(result, runId)));
            }

            return result.Errors + result.Unfinished > 0 ? 3 : 0;
        }));
        return command;
    }

    private static void Print(LiveCrowdResult r)
    {
        Console.WriteLine($"live crowd: {r.Completed:N0} of {r.Viewers:N0} viewers completed; arrivals over {r.ArrivalSeconds:F1} s ({r.LateArrivals:N0} more than 100 ms late, worst {r.WorstArrivalLagMs:F0} ms), all done in {r.ElapsedSeconds:F1} s");
        foreach (var (name, path) in new[] { ("session", r.Session), ("events", r.Events), ("user", r.User) })
        {
            Console.WriteLine($"  {name,-8} {path.Answered,9:N0} answered  p50 {path.Latency.P50Ms,8:F2} ms  p99 {path.Latency.P99Ms,8:F2} ms  max {path.Latency.MaxMs,8:F2} ms  errors {path.Errors}  unfinished {path.Unfinished}");
        }

        Console.WriteLine($"  live item '{r.LiveItem}' in {r.LiveItemInSessionShare:P1} of the session answers");
        Console.WriteLine(r.Silo is { } s
            ? $"  silo: {s.CpuSeconds:F1} CPU s ({s.CpuCores:F2} cores), working set {s.WorkingSetStart / MiB:F0} → peak {s.WorkingSetPeak / MiB:F0} → {s.WorkingSetEnd / MiB:F0} MiB, GC heap {s.GcHeapStart / MiB:F0} → {s.GcHeapEnd / MiB:F0} MiB"
            : "  silo: no runtime gauges at /metrics (an older silo, or /metrics needs a key)");
    }

    private static object Json(LiveCrowdResult r, string runId) => new
    {
        runId,
        liveItem = r.LiveItem,
        viewers = r.Viewers,
        completed = r.Completed,
        arrivalSeconds = r.ArrivalSeconds,
        elapsedSeconds = r.ElapsedSeconds,
        lateArrivals = r.LateArrivals,
        worstArrivalLagMs = r.WorstArrivalLagMs,
        errors = r.Errors,
        unfinished = r.Unfinished,
        session = Path(r.Session),
        events = Path(r.Events),
        user = Path(r.User),
        liveItemInSessionShare = r.LiveItemInSessionShare,
        silo = r.Silo is { } s ? new
        {
            cpuSeconds = s.CpuSeconds,
            cpuCores = s.CpuCores,
            workingSetStartMiB = s.WorkingSetStart / MiB,
            workingSetPeakMiB = s.WorkingSetPeak / MiB,
            workingSetEndMiB = s.WorkingSetEnd / MiB,
            gcHeapStartMiB = s.GcHeapStart / MiB,
            gcHeapEndMiB = s.GcHeapEnd / MiB,
        } : null,
    };

    private static object Path(PathSummary p) => new
    {
        answered = p.Answered,
        errors = p.Errors,
        unfinished = p.Unfinished,
        p50Ms = p.Latency.Count == 0 ? (double?)null : p.Latency.P50Ms,
        p99Ms = p.Latency.Count == 0 ? (double?)null : p.Latency.P99Ms,
        maxMs = p.Latency.Count == 0 ? (double?)null : p.Latency.MaxMs,
    };
}
