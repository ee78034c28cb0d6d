using System.CommandLine;
using System.Globalization;
using AIaaS.Cli.Bench;

namespace AIaaS.Cli.Commands;

/// <summary>
/// `aiaas bench inference`: dynamic batching against batches of one, same load, one process; and one batch on the tiled
/// ONNX scorer, the whole-catalog graph and managed top-k side by side, with GFLOP/s against the CPU's computed peak.
/// </summary>
internal static class BenchInferenceCommand
{
    public static Command Create()
    {
        var items = new Option<int>("--items") { Description = "Items in the random model", DefaultValueFactory = _ => 100_000 };
        var factors = new Option<int>("--factors") { Description = "Latent factors k", DefaultValueFactory = _ => 64 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent closed-loop requesters", DefaultValueFactory = _ => 64 };
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds per mode (after 1 s of warm-up)", DefaultValueFactory = _ => 5 };
        var scorer = new Option<string>("--scorer") { Description = "Scorer under load: onnx (tiled), onnx-prepacked (tiled, pre-packed), onnx-untiled (whole-catalog graph) or managed", DefaultValueFactory = _ => "onnx" };
        var fma = new Option<int>("--fma-units") { Description = "FMA units per core, for the computed peak", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var delay = new Option<double>("--max-queue-delay-ms") { Description = "Batched mode: longest the oldest request waits for a fuller batch", DefaultValueFactory = _ => 0 };
        var command = new Command("inference", "Benchmark dynamic batching (on and off) and ONNX Runtime against managed top-k");
        foreach (var option in new Option[] { items, factors, concurrency, seconds, scorer, json, delay, fma }) command.Options.Add(option);
        command.SetAction((ParseResult r) => CliErrors.Run(() =>
        {
            int n = r.GetValue(items), k = r.GetValue(factors), c = r.GetValue(concurrency);
            double s = r.GetValue(seconds);
            string kind = r.GetValue(scorer) ?? "onnx";
            if (n < 10 || k < 1 || c < 1 || s <= 0) return CliErrors.Fail("--items must be at least 10, --factors, --concurrency and --seconds positive");
            if (r.GetValue(delay) is < 0 or > 1000) return CliErrors.Fail($"--max-queue-delay-ms must be from 0 to 1000 (was {r.GetValue(delay)})");
            if (kind is not ("onnx" or "onnx-prepacked" or "onnx-untiled" or "managed")) return CliErrors.Fail($"--scorer must be onnx, onnx-prepacked, onnx-untiled or managed (was {kind})");
            if (r.GetValue(fma) is < 1 or > 4) return CliErrors.Fail($"--fma-units must be from 1 to 4 (was {r.GetValue(fma)})");
            var result = new InferenceBench(n, k, c, TimeSpan.FromSeconds(s), kind, TimeSpan.FromMilliseconds(r.GetValue(delay))).Run();
            var peak = CpuPeak.OfThisMachine(r.GetValue(fma));
            Console.WriteLine(r.GetValue(json) ? Json(result, n, k, c, kind, peak) : Text(result, n, k, peak));
            return 0;
        }));
        return command;
    }

    private static string Json(InferenceBenchResult r, int items, int factors, int concurrency, string scorer, CpuPeak peak) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"items\":{items},\"factors\":{factors},\"concurrency\":{concurrency},\"scorer\":\"{scorer}\"," +
        $"\"batchedPerSecond\":{r.Batched.PerSecond:F0},\"unbatchedPerSecond\":{r.Unbatched.PerSecond:F0},\"ratio\":{r.Batched.PerSecond / r.Unbatched.PerSecond:F2}," +
        $"\"batchedP50Ms\":{r.Batched.P50Ms:F2},\"batchedP99Ms\":{r.Batched.P99Ms:F2},\"unbatchedP50Ms\":{r.Unbatched.P50Ms:F2},\"unbatchedP99Ms\":{r.Unbatched.P99Ms:F2}," +
        $"\"onnxBatch64Ms\":{r.OnnxBatchMs:F2},\"onnxPrepackedBatch64Ms\":{r.OnnxPrepackedBatchMs:F2},\"onnxUntiledBatch64Ms\":{r.OnnxUntiledBatchMs:F2},\"managedBatch64Ms\":{r.ManagedBatchMs:F2}," +
        $"\"tiledOverUntiled\":{r.TiledOverUntiled:F3},\"prepackedOverUntiled\":{r.PrepackedOverUntiled:F3},\"onnxPrepackedGflops\":{r.Gflops(r.OnnxPrepackedBatchMs, items, factors):F1},\"onnxGflops\":{r.Gflops(r.OnnxBatchMs, items, factors):F1},\"onnxUntiledGflops\":{r.Gflops(r.OnnxUntiledBatchMs, items, factors):F1}," +
        $"\"peakGflops\":{peak.Gflops:F1},\"peakHow\":\"{peak.How}\"}}");

    private static string Text(InferenceBenchResult r, int items, int factors, CpuPeak peak) => string.Create(CultureInfo.InvariantCulture,
        $"batched {r.Batched.PerSecond:F0}/s (p50 {r.Batched.P50Ms:F2} ms, p99 {r.Batched.P99Ms:F2} ms); " +
        $"unbatched {r.Unbatched.PerSecond:F0}/s (p50 {r.Unbatched.P50Ms:F2} ms, p99 {r.Unbatched.P99Ms:F2} ms); " +
        $"ratio {r.Batched.PerSecond / r.Unbatched.PerSecond:F2}; one batch of 64: ONNX tiled {r.OnnxBatchMs:F2} ms ({r.Gflops(r.OnnxBatchMs, items, factors):F1} GFLOP/s), " +
        $"pre-packed tiles {r.OnnxPrepackedBatchMs:F2} ms (tiled/untiled {r.PrepackedOverUntiled:F3}), whole-catalog graph {r.OnnxUntiledBatchMs:F2} ms ({r.Gflops(r.OnnxUntiledBatchMs, items, factors):F1} GFLOP/s), tiled/untiled throughput {r.TiledOverUntiled:F3}, " +
        $"managed {r.ManagedBatchMs:F2} ms; computed peak {peak.Gflops:F0} GFLOP/s ({peak.How})");
}
