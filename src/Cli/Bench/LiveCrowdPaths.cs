using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AIaaS.Cli.Http;

namespace AIaaS.Cli.Bench;

/// <summary>The crowd's three request paths as they were answered, each timed and counted from many viewers at once.</summary>
internal sealed class LiveCrowdPaths
{
    private int _completed;
    private int _liveInSession;

    public PathTimes Session { get; } = new();

    public PathTimes Events { get; } = new();

    public PathTimes User { get; } = new();

    /// <summary>Counts a session answer that held the live item among its items.</summary>
    public void SessionAnswered(bool holdsLiveItem)
    {
        if (holdsLiveItem) Interlocked.Increment(ref _liveInSession);
    }

    public void Completed() => Interlocked.Increment(ref _completed);

    public LiveCrowdResult Result(
        LiveCrowdOptions options, TimeSpan arrived, TimeSpan elapsed, int late, double worstLagMs, SiloGauges? before, SiloGauges? after, double peakWorkingSetBytes)
    {
        var session = Session.Summary();
        return new LiveCrowdResult(
            options.LiveItem, options.Viewers, _completed, arrived.TotalSeconds, elapsed.TotalSeconds, late, worstLagMs,
            session, Events.Summary(), User.Summary(),
            session.Answered == 0 ? 0 : (double)_liveInSession / session.Answered,
            before is null || after is null ? null : new SiloUse(
                after.CpuSeconds - before.CpuSeconds,
                (after.CpuSeconds - before.CpuSeconds) / elapsed.TotalSeconds,
                before.WorkingSetBytes, peakWorkingSetBytes, after.WorkingSetBytes, before.GcHeapBytes, after.GcHeapBytes));
    }

    /// <summary>One path's latencies and failures; a request past the drain deadline counts as unfinished, not as an answer.</summary>
    internal sealed class PathTimes
    {
        private readonly List<double> _latencies = [];
        private readonly Lock _gate = new();
        private int _errors;
        private int _unfinished;

        /// <summary>The answer's JSON, or null when the request failed (counted) or the drain deadline passed.</summary>
        public async Task<JsonElement?> TimeAsync(Func<Task<HttpResponseMessage>> send, CancellationToken drain)
        {
            var begin = Stopwatch.GetTimestamp();
            try
            {
                using var response = await send();
                await EngineResponse.EnsureSuccessAsync(response, drain);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(drain);
                var ms = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                lock (_gate) _latencies.Add(ms);
                return body;
            }
            catch (OperationCanceledException) when (drain.IsCancellationRequested)
            {
                Interlocked.Increment(ref _unfinished);
                return null;
            }
            catch (Exception ex) when (ex is EngineRequestException or HttpRequestException or JsonException or TaskCanceledException)
            {
                Interlocked.Increment(ref _errors);
                return null;
            }
        }

        public PathSummary Summary()
        {
            lock (_gate)
            {
                var latency = LatencySummary.Of([.. _latencies]);
                return new PathSummary(latency.Count, _errors, _unfinished, latency);
            }
        }
    }
}

/// <summary>One path: answered requests, failed ones, ones cut off by the drain deadline, and the answered ones' latency.</summary>
internal sealed record PathSummary(int Answered, int Errors, int Unfinished, LatencySummary Latency);

/// <summary>What the silo spent during the crowd, from its own gauges: CPU seconds and cores' worth, working set and GC heap in bytes.</summary>
internal sealed record SiloUse(double CpuSeconds, double CpuCores, double WorkingSetStart, double WorkingSetPeak, double WorkingSetEnd, double GcHeapStart, double GcHeapEnd);

internal sealed record LiveCrowdResult(
    string LiveItem, int Viewers, int Completed, double ArrivalSeconds, double ElapsedSeconds, int LateArrivals, double WorstArrivalLagMs,
    PathSummary Session, PathSummary Events, PathSummary User, double LiveItemInSessionShare, SiloUse? Silo)
{
    public int Errors => Session.Errors + Events.Errors + User.Errors;

    public int Unfinished => Session.Unfinished + Events.Unfinished + User.Unfinished;
}
