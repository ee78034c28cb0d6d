using System.CommandLine;
using AIaaS.Cli.Commands;

var root = new RootCommand("aiaas: import, evaluate, generate, benchmark and inspect for the AIaaS recommendation engine");
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(RecommendCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
return await root.Parse(args).InvokeAsync();
