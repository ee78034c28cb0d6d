using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using AIaaS.Cli.Http;
using AIaaS.Engine.Data;

namespace AIaaS.Cli.Import;

/// <summary>
/// Replays a rating dataset into a running engine through POST /v1/events, in batches sent by a few
/// concurrent senders. Ratings outside 1–5 (the half-star 0.5 of newer MovieLens sets) are clamped.
/// </summary>
internal sealed class ImportRunner(HttpClient http, int batchSize, int concurrency)
{
    public async Task<ImportResult> RunAsync(RatingDataset data, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var batches = (data.Count + batchSize - 1) / batchSize;
        var next = -1;
        long sent = 0;
        var clamped = 0;

        async Task SendLoopAsync()
        {
            int batch;
            while ((batch = Interlocked.Increment(ref next)) < batches)
            {
                var from = batch * batchSize;
                var to = Math.Min(data.Count, from + batchSize);
                var body = ToRequest(data, from, to, ref clamped);
                using var response = await http.PostAsJsonAsync("/v1/events", body, cancellationToken);
                await EngineResponse.EnsureSuccessAsync(response, cancellationToken);
                progress?.Report(Interlocked.Add(ref sent, to - from));
            }
        }

        var senders = new Task[Math.Max(1, concurrency)];
        for (var i = 0; i < senders.Length; i++)
        {
            senders[i] = SendLoopAsync();
        }

        await Task.WhenAll(senders);
        return new ImportResult(data.Count, clamped, Stopwatch.GetElapsedTime(started));
    }

    private static EventsBody ToRequest(RatingDataset data, int from, int to, ref int clamped)
    {
        var events = new EventBody[to - from];
        for (var i = from; i < to; i++)
        {
            var rating = data.Ratings[i];
            if (rating is < 1 or > 5)
            {
                Interlocked.Increment(ref clamped);
                rating = Math.Clamp(rating, 1, 5);
            }

            events[i - from] = new EventBody(
                data.UserIds[i].ToString(CultureInfo.InvariantCulture),
                data.ItemIds[i].ToString(CultureInfo.InvariantCulture),
                "rating",
                rating,
                DateTimeOffset.FromUnixTimeSeconds(data.Timestamps[i]));
        }

        return new EventsBody(events);
    }
}

internal sealed record ImportResult(int Events, int Clamped, TimeSpan Elapsed)
{
    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
