using System.CommandLine;
using System.Diagnostics;
using AIaaS.Engine.Data;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas generate`: writes a synthetic MovieLens-format log (DIR/u.data) for scale tests.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var users = new Option<int>("--users") { Description = "Number of user ids", Required = true };
        var items = new Option<int>("--items") { Description = "Number of item ids", Required = true };
        var events = new Option<long>("--events") { Description = "Number of events (lines)", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder; u.data is written into it", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed; the same arguments give the same file", DefaultValueFactory = _ => 42 };
        var command = new Command("generate", "Write a synthetic MovieLens-format interaction log (power-law, planted clusters)");
        command.Options.Add(users);
        command.Options.Add(items);
        command.Options.Add(events);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.SetAction((ParseResult r) => CliErrors.Run(() =>
        {
            int userCount = r.GetValue(users), itemCount = r.GetValue(items);
            long eventCount = r.GetValue(events);
            if (userCount < 1) return CliErrors.Fail($"--users must be at least 1 (was {userCount})");
            if (itemCount < 1) return CliErrors.Fail($"--items must be at least 1 (was {itemCount})");
            if (eventCount < 0) return CliErrors.Fail($"--events must not be negative (was {eventCount})");
            var options = new SyntheticLogOptions
            {
                Users = userCount, Items = itemCount, Events = eventCount, Seed = r.GetValue(seed),
                Clusters = Math.Min(16, Math.Min(userCount, itemCount)),
            };
            var clock = Stopwatch.StartNew();
            var path = SyntheticLogGenerator.Write(r.GetValue(output)!, options);
            Console.WriteLine($"wrote {eventCount:N0} events ({userCount:N0} users, {itemCount:N0} items) to {path} in {clock.Elapsed.TotalSeconds:F2} s");
            return 0;
        }));
        return command;
    }
}
