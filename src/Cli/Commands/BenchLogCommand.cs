using System.CommandLine;
using AIaaS.Cli.Bench;

namespace AIaaS.Cli.Commands;

/// <summary>
/// `aiaas bench log`: appends to the embedded (SQLite) log in a new folder as the ingest path does, and prints the
/// events per second of the timed commit groups, so the store's share of ingest is measured apart from the silo's.
/// </summary>
internal static class BenchLogCommand
{
    public static Command Create()
    {
        var prefill = new Option<long>("--prefill") { Description = "Events appended before timing (0–100000000)", DefaultValueFactory = _ => 1_000_000 };
        var commits = new Option<int>("--commits") { Description = "Commit groups timed (1–100000)", DefaultValueFactory = _ => 100 };
        var batch = new Option<int>("--events-per-commit") { Description = "Events per commit group, spread over 16 partitions (16–1000000)", DefaultValueFactory = _ => 4_000 };
        var users = new Option<int>("--users") { Description = "Users the events are drawn from (16 or more)", DefaultValueFactory = _ => 100_000 };
        var items = new Option<int>("--items") { Description = "Items the events are drawn from (1 or more)", DefaultValueFactory = _ => 10_000 };
        var eventIds = new Option<bool>("--event-ids") { Description = "Give every event an id (each append then checks it for a repeat)" };
        var folder = new Option<string?>("--folder") { Description = "Data folder to create (default: a new temporary folder, deleted afterwards)" };
        var command = new Command("log", "Time appends to the embedded SQLite log (commit groups of the 16 partitions) and print events/s");
        foreach (var option in new Option[] { prefill, commits, batch, users, items, eventIds, folder }) command.Options.Add(option);
        command.SetAction((ParseResult r, CancellationToken ct) => CliErrors.RunAsync(async () =>
        {
            var prefilled = r.GetValue(prefill);
            if (prefilled is < 0 or > 100_000_000) return CliErrors.Fail($"--prefill must be from 0 to 100000000 (was {prefilled})");
            var timed = CliErrors.InRange(r.GetValue(commits), 1, 100_000, "--commits");
            var perCommit = CliErrors.InRange(r.GetValue(batch), 16, 1_000_000, "--events-per-commit");
            var userCount = CliErrors.InRange(r.GetValue(users), 16, int.MaxValue, "--users");
            var itemCount = CliErrors.InRange(r.GetValue(items), 1, int.MaxValue, "--items");
            var given = r.GetValue(folder);
            if (given is not null && Directory.Exists(given) && Directory.EnumerateFileSystemEntries(given).Any())
            {
                return CliErrors.Fail($"--folder '{given}' is not empty: the benchmark needs a new log");
            }

            var path = given ?? Path.Combine(Path.GetTempPath(), "aiaas-bench-log-" + Guid.NewGuid().ToString("N"));
            try
            {
                var bench = new LogAppendBench(userCount, itemCount, perCommit, r.GetValue(eventIds));
                var seconds = await bench.RunAsync(path, prefilled, timed, ct);
                var total = seconds.Sum();
                seconds.Sort();
                var eventsPerCommit = bench.EventsPerCommit;
                Console.WriteLine($"log append: {timed:N0} commit groups of {eventsPerCommit:N0} events after {prefilled:N0}: "
                    + $"{timed * (double)eventsPerCommit / total:N0} events/s, median commit {seconds[timed / 2] * 1000:F1} ms, "
                    + $"slowest {seconds[^1] * 1000:F1} ms; {Environment.ProcessorCount} cores");
                return 0;
            }
            finally
            {
                if (given is null && Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
        }));
        return command;
    }
}
