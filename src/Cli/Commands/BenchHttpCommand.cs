using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AIaaS.Cli.Bench;
using AIaaS.Cli.Http;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas bench http`: recommendation latency over HTTP at several client concurrencies.</summary>
internal static class BenchHttpCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "Base address of a running engine", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var users = new Option<int>("--users") { Description = "Ask for users \"1\"..\"N\" (ml-100k has 943)", DefaultValueFactory = _ => 943 };
        var concurrency = new Option<int[]>("--concurrency") { Description = "Concurrent clients, one run per value", DefaultValueFactory = _ => [1, 8, 64], AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<int>("--seconds") { Description = "Duration of each run (1–600)", DefaultValueFactory = _ => 10 };
        var warmup = new Option<int>("--warmup") { Description = "Seconds of unmeasured load first (0–60)", DefaultValueFactory = _ => 2 };
        var pauseMs = new Option<int>("--pause-ms")
        {
            Description = "Milliseconds each client waits between requests (0–10000): 0 is the closed loop at capacity; e.g. 4 with 8 clients offers a steady ~1,700 req/s",
            DefaultValueFactory = _ => 0,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object as the last line" };
        var apiKey = ApiKeyOption.Create();
        var command = new Command("http", "Measure GET /v1/users/{id}/recommendations latency against a running engine") { server, apiKey, users, concurrency, seconds, warmup, pauseMs, json };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var userCount = CliErrors.InRange(parse.GetValue(users), 1, 10_000_000, "--users");
            var duration = TimeSpan.FromSeconds(CliErrors.InRange(parse.GetValue(seconds), 1, 600, "--seconds"));
            var warm = TimeSpan.FromSeconds(CliErrors.InRange(parse.GetValue(warmup), 0, 60, "--warmup"));
            var pause = TimeSpan.FromMilliseconds(CliErrors.InRange(parse.GetValue(pauseMs), 0, 10_000, "--pause-ms"));
            var levels = parse.GetValue(concurrency)!;
            foreach (var level in levels)
            {
                CliErrors.InRange(level, 1, 1024, "--concurrency");
            }

            var ids = Enumerable.Range(1, userCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
            using var http = EngineHttp.Create(parse.GetValue(server)!, ApiKeyOption.Resolve(parse, apiKey));
            var results = new List<HttpLoadResult>();
            foreach (var level in levels)
            {
                if (warm > TimeSpan.Zero)
                {
                    await HttpLoad.RunAsync(http, level, warm, ids, seed: 7, ct, pause);
                }

                var result = await HttpLoad.RunAsync(http, level, duration, ids, seed: 42, ct, pause);
                results.Add(result);
                Console.WriteLine($"concurrency {level,3}: {result.RequestsPerSecond,9:N0} req/s  p50 {result.Latency.P50Ms,7:F2} ms  p99 {result.Latency.P99Ms,7:F2} ms  max {result.Latency.MaxMs,7:F2} ms  errors {result.Errors}");
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(results.Select(r => new
                {
                    concurrency = r.Concurrency,
                    requestsPerSecond = r.RequestsPerSecond,
                    p50Ms = r.Latency.P50Ms,
                    p99Ms = r.Latency.P99Ms,
                    maxMs = r.Latency.MaxMs,
                    requests = r.Latency.Count,
                    errors = r.Errors,
                })));
            }

            return results.Any(r => r.Errors > 0) ? 3 : 0;
        }));
        return command;
    }
}
