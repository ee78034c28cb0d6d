using System.CommandLine;
using AIaaS.Cli.Commands;

var root = new RootCommand("aiaas: import, evaluate, generate and benchmark for the AIaaS recommendation engine");
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(DbCommand.Create());
return await root.Parse(args).InvokeAsync();
