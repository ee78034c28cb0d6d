using System.CommandLine;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas bench engine`: measured figures for Engine's kernels (training, fold-in, top-k).</summary>
internal static class BenchEngineCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "MovieLens folder for the ml-100k figures (skipped when absent)", DefaultValueFactory = _ => "../shared/data/ml-100k" };
        var events = new Option<long>("--events") { Description = "Events in the generated log (0 skips it)", DefaultValueFactory = _ => 10_000_000 };
        var users = new Option<int>("--users") { Description = "Users in the generated log", DefaultValueFactory = _ => 200_000 };
        var items = new Option<int>("--items") { Description = "Items in the generated log and the top-k catalog", DefaultValueFactory = _ => 20_000 };
        var runs = new Option<int>("--runs") { Description = "Repetitions of each short measurement (median reported)", DefaultValueFactory = _ => 5 };
        var command = new Command("engine", "Benchmark ALS, MF, fold-in and top-k and print measured figures");
        foreach (var option in new Option[] { data, events, users, items, runs }) command.Options.Add(option);
        command.SetAction((ParseResult r) => CliErrors.Run(() =>
        {
            int runCount = r.GetValue(runs);
            if (runCount < 1) return CliErrors.Fail($"--runs must be at least 1 (was {runCount})");
            var bench = new EngineBenchmarks(Math.Max(1, runCount));
            var dataPath = r.GetValue(data);
            if (!string.IsNullOrEmpty(dataPath) && Directory.Exists(dataPath)) bench.MovieLens(dataPath);
            else Console.WriteLine($"ml-100k figures skipped: no folder '{dataPath}'");
            bench.Kernels(r.GetValue(items));
            if (r.GetValue(events) > 0) EngineBenchmarks.GeneratedLog(r.GetValue(users), r.GetValue(items), r.GetValue(events));
            EngineBenchmarks.PeakWorkingSet();
            return 0;
        }));
        return command;
    }
}
