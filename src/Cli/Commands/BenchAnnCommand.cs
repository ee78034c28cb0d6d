using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AIaaS.Cli.Bench;
using AIaaS.Engine.Retrieval;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas bench ann`: HNSW retrieval against exact scoring on factors trained from a generated log.</summary>
internal static class BenchAnnCommand
{
    public static Command Create()
    {
        var items = new Option<int>("--items") { Description = "Items in the generated log", DefaultValueFactory = _ => 1_000_000 };
        var factors = new Option<int>("--factors") { Description = "Latent factors k", DefaultValueFactory = _ => 64 };
        var users = new Option<int>("--log-users") { Description = "Users in the generated log (default: as many as items)" };
        var events = new Option<long>("--events") { Description = "Events in the generated log (default: 30 per item)" };
        var iterations = new Option<int>("--iterations") { Description = "ALS iterations", DefaultValueFactory = _ => 5 };
        var sample = new Option<int>("--users") { Description = "Trained users whose top-10 is compared and timed", DefaultValueFactory = _ => 1000 };
        var batch = new Option<int>("--batch") { Description = "Users per batch, as the silo's batcher forms them", DefaultValueFactory = _ => 64 };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds over every user, after one untimed (best reported)", DefaultValueFactory = _ => 3 };
        var cache = new Option<string?>("--cache") { Description = "Folder that keeps the generated log and the trained model for the next run" };
        var connectivity = new Option<int>("--connectivity") { Description = "HNSW edges per node", DefaultValueFactory = _ => new AnnOptions().Connectivity };
        var expansionAdd = new Option<int>("--expansion-add") { Description = "HNSW build candidate list", DefaultValueFactory = _ => new AnnOptions().ExpansionAdd };
        var expansionSearch = new Option<int>("--expansion-search") { Description = "HNSW search candidate list", DefaultValueFactory = _ => new AnnOptions().ExpansionSearch };
        var oversample = new Option<int>("--oversample") { Description = "Candidates re-scored per requested item", DefaultValueFactory = _ => new AnnOptions().Oversample };
        var threads = new Option<int>("--threads") { Description = "Threads that build the index and search a batch's rows (1 to the cores)", DefaultValueFactory = _ => new AnnOptions().Threads };
        var untiled = new Option<bool>("--untiled") { Description = "Also time the whole-catalog ONNX graph (a [batch x items] score tensor per batch)" };
        var exact = new Option<string>("--exact") { Description = "Exact scorer: onnx (tiles as inputs) or onnx-prepacked", DefaultValueFactory = _ => "onnx" };
        var fma = new Option<int>("--fma-units") { Description = "FMA units per core, for the computed peak", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object as the last line" };
        var command = new Command("ann", "Benchmark HNSW retrieval (recall@10, throughput, build) against exact scoring on trained factors");
        foreach (var option in new Option[] { items, factors, users, events, iterations, sample, batch, rounds, cache, connectivity, expansionAdd, expansionSearch, oversample, threads, untiled, exact, fma, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((ParseResult r) => CliErrors.Run(() =>
        {
            int n = r.GetValue(items), k = r.GetValue(factors);
            if (n < 100) return CliErrors.Fail($"--items must be at least 100 (was {n})");
            if (k is < 1 or > 1024) return CliErrors.Fail($"--factors must be from 1 to 1024 (was {k})");
            int logUsers = r.GetResult(users) is null ? n : r.GetValue(users);
            long eventCount = r.GetResult(events) is null ? 30L * n : r.GetValue(events);
            if (logUsers < 1 || eventCount < 1) return CliErrors.Fail("--log-users and --events must be at least 1");
            if (r.GetValue(iterations) is < 1 or > 100) return CliErrors.Fail($"--iterations must be from 1 to 100 (was {r.GetValue(iterations)})");
            if (r.GetValue(sample) < 1 || r.GetValue(batch) is < 1 or > 4096 || r.GetValue(rounds) < 1)
            {
                return CliErrors.Fail("--users and --rounds must be at least 1, --batch from 1 to 4096");
            }

            if (r.GetValue(fma) is < 1 or > 4) return CliErrors.Fail($"--fma-units must be from 1 to 4 (was {r.GetValue(fma)})");
            var ann = new AnnOptions
            {
                Connectivity = r.GetValue(connectivity), ExpansionAdd = r.GetValue(expansionAdd),
                ExpansionSearch = r.GetValue(expansionSearch), Oversample = r.GetValue(oversample), Threads = r.GetValue(threads),
            };
            if (Invalid(ann) is { } problem) return CliErrors.Fail(problem);
            var exactKind = r.GetValue(exact) ?? "onnx";
            if (exactKind is not ("onnx" or "onnx-prepacked")) return CliErrors.Fail($"--exact must be onnx or onnx-prepacked (was {exactKind})");
            var size = new AnnBenchSize(n, k, logUsers, eventCount, r.GetValue(iterations), r.GetValue(sample));
            var data = AnnBenchData.Prepare(size, r.GetValue(cache), Console.Error);
            var result = new AnnBench(data, ann, r.GetValue(batch), r.GetValue(rounds), r.GetValue(untiled),
                exactKind == "onnx" ? Engine.Inference.OnnxTiles.Input : Engine.Inference.OnnxTiles.Prepacked).Run();
            var peak = CpuPeak.OfThisMachine(r.GetValue(fma));
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(r.GetValue(json) ? Json(result, data, size, ann, peak, process.PeakWorkingSet64) : Text(result, data, peak));
            return 0;
        }));
        return command;
    }

    private static string Json(AnnBenchResult r, AnnBenchData data, AnnBenchSize size, AnnOptions ann, CpuPeak peak, long peakBytes) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"items\":{r.Items},\"factors\":{r.Factors},\"users\":{r.Users},\"logUsers\":{size.Users},\"events\":{size.Events},\"iterations\":{size.Iterations}," +
        $"\"recallAt10\":{r.RecallAt10:F4},\"annPerSecond\":{r.AnnPerSecond:F0},\"exactPerSecond\":{r.ExactPerSecond:F0},\"speedup\":{r.Speedup:F2}," +
        $"\"faster\":\"{(r.Speedup > 1 ? "ann" : "exact")}\",\"buildSeconds\":{r.BuildSeconds:F2},\"indexBytes\":{r.IndexBytes},\"indexLoadSeconds\":{r.IndexLoadSeconds:F2}," +
        $"\"fallbacks\":{r.Fallbacks},\"exactGflops\":{r.ExactGflops:F1},\"exactUntiledPerSecond\":{Number(r.ExactUntiledPerSecond)}," +
        $"\"peakGflops\":{peak.Gflops:F1},\"peakHow\":\"{peak.How}\",\"connectivity\":{ann.Connectivity},\"expansionAdd\":{ann.ExpansionAdd}," +
        $"\"expansionSearch\":{ann.ExpansionSearch},\"oversample\":{ann.Oversample},\"generateSeconds\":{data.GenerateSeconds:F1},\"trainSeconds\":{data.TrainSeconds:F1}," +
        $"\"fromCache\":{(data.FromCache ? "true" : "false")},\"peakWorkingSetMiB\":{peakBytes / (1024.0 * 1024.0):F0}}}");

    private static string Text(AnnBenchResult r, AnnBenchData data, CpuPeak peak) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Items:N0} items x {r.Factors}, {r.Users} users: recall@10 {r.RecallAt10:F4}; ANN {r.AnnPerSecond:F0} users/s, exact {r.ExactPerSecond:F0} users/s " +
        $"({r.ExactGflops:F1} GFLOP/s of a computed peak {peak.Gflops:F0}: {peak.How}); speedup {r.Speedup:F2}; " +
        $"index built in {r.BuildSeconds:F1} s, {r.IndexBytes / (1024.0 * 1024.0):F0} MiB, reloaded in {r.IndexLoadSeconds:F2} s; {r.Fallbacks} exact fallbacks; " +
        $"model {(data.FromCache ? "from cache" : $"trained in {data.TrainSeconds:F1} s")}");

    /// <summary>The option's rule with the command-line flag that sets it, or null when every value is in range.</summary>
    private static string? Invalid(AnnOptions ann)
    {
        try
        {
            ann.Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            var flag = e.ParamName switch
            {
                nameof(AnnOptions.Connectivity) => "--connectivity",
                nameof(AnnOptions.ExpansionAdd) => "--expansion-add",
                nameof(AnnOptions.ExpansionSearch) => "--expansion-search",
                nameof(AnnOptions.Threads) => "--threads",
                _ => "--oversample",
            };
            return $"{flag}: {e.Message[..e.Message.IndexOf(" (Parameter", StringComparison.Ordinal)]}";
        }
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("F0", CultureInfo.InvariantCulture) : "null";
}
