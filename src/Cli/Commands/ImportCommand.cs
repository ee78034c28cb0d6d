using System.CommandLine;
using AIaaS.Cli.Http;
using AIaaS.Cli.Import;
using AIaaS.Engine.Data;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas import --data DIR --server URL`: replays a MovieLens-format dataset into a running engine.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder with u.data (ml-100k), ratings.dat (ml-1m) or ratings.csv", Required = true };
        var server = new Option<string>("--server") { Description = "Base address of a running engine, e.g. http://127.0.0.1:5080", Required = true };
        var batch = new Option<int>("--batch-size") { Description = "Events per request (1–10000)", DefaultValueFactory = _ => 1000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once (1–64)", DefaultValueFactory = _ => 4 };
        var apiKey = ApiKeyOption.Create();
        var command = new Command("import", "Replay a MovieLens-format dataset into a running engine over HTTP") { data, server, apiKey, batch, concurrency };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var batchSize = CliErrors.InRange(parse.GetValue(batch), 1, 10_000, "--batch-size");
            var senders = CliErrors.InRange(parse.GetValue(concurrency), 1, 64, "--concurrency");
            var dataset = MovieLens.Load(parse.GetValue(data)!.FullName);
            using var http = EngineHttp.Create(parse.GetValue(server)!, ApiKeyOption.Resolve(parse, apiKey));
            var result = await ImportProgress.RunAsync(dataset.Count, progress => new ImportRunner(http, batchSize, senders).RunAsync(dataset, progress, ct));
            if (result.Clamped > 0)
            {
                Console.WriteLine($"{result.Clamped:N0} ratings outside 1–5 were clamped into that range.");
            }

            Console.WriteLine($"Imported {result.Events:N0} events from {dataset.SourcePath} in {result.Elapsed.TotalSeconds:F2} s: {result.EventsPerSecond:N0} events/s");
            return 0;
        }));
        return command;
    }
}
