using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AIaaS.Cli.Bench;
using AIaaS.Cli.Http;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas bench freshness`: does the next request after an event reflect it, and how long does it take?</summary>
internal static class BenchFreshnessCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "Base address of a running engine with data and a model", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var users = new Option<int>("--users") { Description = "Probe users \"1\"..\"N\" (ml-100k has 943)", DefaultValueFactory = _ => 943 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object as the last line" };
        var apiKey = ApiKeyOption.Create();
        var command = new Command("freshness", "Time from POST /v1/events returning to a recommendation that reflects it") { server, apiKey, users, json };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var count = CliErrors.InRange(parse.GetValue(users), 1, 1_000_000, "--users");
            using var http = EngineHttp.Create(parse.GetValue(server)!, ApiKeyOption.Resolve(parse, apiKey));
            var ids = Enumerable.Range(1, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var result = await FreshnessProbe.RunAsync(http, ids, ct);
            var probed = result.Latency.Count;
            Console.WriteLine($"{probed} users: next request reflected the event for {result.Reflected} ({result.Reflected * 100.0 / Math.Max(probed, 1):F1}%), served by a model for {result.ModelServed}; latency p50 {result.Latency.P50Ms:F2} ms, p99 {result.Latency.P99Ms:F2} ms, max {result.Latency.MaxMs:F2} ms");
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { users = probed, reflected = result.Reflected, modelServed = result.ModelServed, p50Ms = result.Latency.P50Ms, p99Ms = result.Latency.P99Ms, maxMs = result.Latency.MaxMs }));
            }

            return 0;
        }));
        return command;
    }
}
