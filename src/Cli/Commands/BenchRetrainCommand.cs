using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AIaaS.Engine.Factorization;
using AIaaS.Engine.Models;

namespace AIaaS.Cli.Commands;

/// <summary>
/// `aiaas bench retrain`: the Engine alone doing what the retraining grain does with the events it reads —
/// building the interaction matrix from string ids and training ALS with the silo's default retraining options —
/// on a rating file, so the grain path's figures on the same file have a baseline measured the same way.
/// </summary>
internal static class BenchRetrainCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder with u.data, ratings.dat or ratings.csv", Required = true };
        var runs = new Option<int>("--runs") { Description = "Repetitions (median reported)", DefaultValueFactory = _ => 3 };
        var command = new Command("retrain", "Time the Engine alone on a retraining (matrix + ALS, the silo's default options) of a rating file");
        command.Options.Add(data);
        command.Options.Add(runs);
        command.SetAction((ParseResult r) => CliErrors.Run(() =>
        {
            int runCount = r.GetValue(runs);
            if (runCount < 1) return CliErrors.Fail($"--runs must be at least 1 (was {runCount})");
            var events = Engine.Data.MovieLens.Load(r.GetValue(data)!);

            // The ids as the log holds them (strings) and the weight of a rating event (1 × its value), prepared untimed.
            var users = Array.ConvertAll(events.UserIds, id => id.ToString(CultureInfo.InvariantCulture));
            var items = Array.ConvertAll(events.ItemIds, id => id.ToString(CultureInfo.InvariantCulture));
            var weights = Array.ConvertAll(events.Ratings, rating => Math.Clamp(rating, 1, 5));
            var options = new AlsOptions { Factors = 64, Regularization = 40, Alpha = 1, Iterations = 15, Threads = Environment.ProcessorCount };
            var times = new List<(double Matrix, double Total)>();
            for (int run = 0; run < runCount; run++)
            {
                var clock = Stopwatch.StartNew();
                var builder = new InteractionMatrixBuilder();
                for (int i = 0; i < users.Length; i++) builder.Add(users[i], items[i], weights[i]);
                var matrix = clock.Elapsed.TotalSeconds;
                ModelTrainer.Train([builder], options, 1, [], TimeProvider.System);
                times.Add((matrix, clock.Elapsed.TotalSeconds));
                Console.WriteLine($"run {run + 1}: adding {users.Length:N0} events {matrix:F2} s, total with build and ALS {times[^1].Total:F2} s");
            }

            var median = times.OrderBy(t => t.Total).ElementAt(runCount / 2);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"engine alone, median of {runCount}: {median.Total:F2} s (adding events {median.Matrix:F2} s); {Environment.ProcessorCount} cores; peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB");
            return 0;
        }));
        return command;
    }
}
