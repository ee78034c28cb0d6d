using System.CommandLine;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas bench`: the measured benchmarks that the issues name, one subcommand each.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Run a benchmark and print measured figures");
        bench.Subcommands.Add(BenchEngineCommand.Create());
        bench.Subcommands.Add(BenchHttpCommand.Create());
        bench.Subcommands.Add(BenchFreshnessCommand.Create());
        bench.Subcommands.Add(BenchInferenceCommand.Create());
        bench.Subcommands.Add(BenchRetrainCommand.Create());
        bench.Subcommands.Add(BenchLogCommand.Create());
        bench.Subcommands.Add(BenchAnnCommand.Create());
        bench.Subcommands.Add(BenchGpuCommand.Create());
        bench.Subcommands.Add(BenchLiveCommand.Create());
        return bench;
    }
}
