using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AIaaS.Cli.Http;

namespace AIaaS.Cli.Bench;

/// <summary>
/// Freshness through the HTTP API: for each user, ask for recommendations, consume the first one, and
/// time the very next recommendation request. It reflects the event when the consumed item is gone
/// (exclusion) and the scores of the items both lists share moved (the user's vector changed).
/// Bounded by the number of users.
/// </summary>
internal static class FreshnessProbe
{
    public static async Task<FreshnessResult> RunAsync(HttpClient http, IReadOnlyList<string> users, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(users.Count);
        var reflected = 0;
        var modelServed = 0;
        foreach (var user in users)
        {
            var before = await ItemsAsync(http, user, cancellationToken);
            if (before.Scores.Count == 0)
            {
                continue;
            }

            var consumed = before.First;
            var events = new { events = new[] { new { userId = user, itemId = consumed, type = "like" } } };
            using (var posted = await http.PostAsJsonAsync("/v1/events", events, cancellationToken))
            {
                await EngineResponse.EnsureSuccessAsync(posted, cancellationToken);
            }

            var started = Stopwatch.GetTimestamp();
            var after = await ItemsAsync(http, user, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var tasteMoved = after.Scores.Any(pair => before.Scores.TryGetValue(pair.Key, out var old) && Math.Abs(old - pair.Value) > 1e-6);
            if (!after.Scores.ContainsKey(consumed) && tasteMoved)
            {
                reflected++;
            }

            modelServed += after.ModelVersion > 0 ? 1 : 0;
        }

        return new FreshnessResult(LatencySummary.Of(latencies), reflected, modelServed);
    }

    private static async Task<(Dictionary<string, double> Scores, string First, long ModelVersion)> ItemsAsync(HttpClient http, string user, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/v1/users/{Uri.EscapeDataString(user)}/recommendations?count=10", cancellationToken);
        await EngineResponse.EnsureSuccessAsync(response, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var version = body.GetProperty("modelVersion") is { ValueKind: JsonValueKind.Number } v ? v.GetInt64() : 0;
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        string first = string.Empty;
        foreach (var item in body.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("itemId").GetString()!;
            first = scores.Count == 0 ? id : first;
            scores[id] = item.GetProperty("score").GetDouble();
        }

        return (scores, first, version);
    }
}

/// <summary>Latency of the first request after an event, how many of those reflected it, and how many a model served.</summary>
internal sealed record FreshnessResult(LatencySummary Latency, int Reflected, int ModelServed);
