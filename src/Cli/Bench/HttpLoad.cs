using System.Diagnostics;
using AIaaS.Cli.Http;

namespace AIaaS.Cli.Bench;

/// <summary>
/// A closed-loop load: each of C clients asks for a random user's recommendations, waits for the answer, pauses
/// (zero for the closed loop at capacity; a few milliseconds offer a steady load well below it, as users do), and
/// asks again, until the time is up. Bounded by time and stops by itself.
/// </summary>
internal static class HttpLoad
{
    public static async Task<HttpLoadResult> RunAsync(
        HttpClient http, int concurrency, TimeSpan duration, IReadOnlyList<string> users, int seed, CancellationToken cancellationToken, TimeSpan pause = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var started = Stopwatch.GetTimestamp();
        var workers = new Task<(List<double> Latencies, int Errors)>[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            var random = new Random(seed + w);
            workers[w] = ClientLoopAsync(http, users, random, pause, stop.Token);
        }

        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = new List<double>();
        var errors = 0;
        foreach (var (latencies, failed) in results)
        {
            all.AddRange(latencies);
            errors += failed;
        }

        var summary = LatencySummary.Of(all);
        return new HttpLoadResult(concurrency, summary, errors, summary.Count / elapsed.TotalSeconds);
    }

    private static async Task<(List<double>, int)> ClientLoopAsync(HttpClient http, IReadOnlyList<string> users, Random random, TimeSpan pause, CancellationToken stop)
    {
        var latencies = new List<double>();
        var errors = 0;
        while (!stop.IsCancellationRequested)
        {
            var user = users[random.Next(users.Count)];
            var begin = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync($"/v1/users/{Uri.EscapeDataString(user)}/recommendations?count=10", stop);
                await EngineResponse.EnsureSuccessAsync(response, stop);
                await response.Content.CopyToAsync(Stream.Null, stop);
                latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is EngineRequestException or HttpRequestException)
            {
                errors++;
            }

            if (pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(pause, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return (latencies, errors);
    }
}

internal sealed record HttpLoadResult(int Concurrency, LatencySummary Latency, int Errors, double RequestsPerSecond);
