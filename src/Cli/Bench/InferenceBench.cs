using System.Diagnostics;
using AIaaS.Engine.Factorization;
using AIaaS.Engine.Inference;
using AIaaS.Engine.Models;
using Microsoft.ML.OnnxRuntime;

namespace AIaaS.Cli.Bench;

/// <summary>
/// Drives Engine's <see cref="InferenceBatcher"/> directly (no Orleans, no network) with closed-loop requesters:
/// once with dynamic batching and once with batches of one, then times one full batch on each scorer — the tiled
/// ONNX scorer (the default; tiles as inputs, and pre-packed), the whole-catalog ONNX graph it replaced, and managed
/// top-k — in turns, so that a slower moment of the machine falls on all of them alike.
/// </summary>
internal sealed class InferenceBench(int items, int factors, int concurrency, TimeSpan duration, string scorer, TimeSpan maxQueueDelay)
{
    private const int Count = 10;
    private const int BatchRows = 64;
    private static readonly int[] Exclude = [1, 2, 3, 4, 5];

    public InferenceBenchResult Run()
    {
        var model = RandomModel(items, factors);
        using var sessionOptions = new SessionOptions();
        using var scorers = new ScorerCache(m => scorer switch
        {
            "onnx" => new TiledOnnxBatchScorer(m, sessionOptions),
            "onnx-prepacked" => new TiledOnnxBatchScorer(m, sessionOptions, tiles: OnnxTiles.Prepacked),
            "onnx-untiled" => new OnnxBatchScorer(m, sessionOptions),
            _ => (IBatchScorer)new ManagedBatchScorer(m),
        });
        var batched = Load(scorers, model, new BatchingOptions { MaxBatchSize = 64, MaxQueueDelay = maxQueueDelay });
        var unbatched = Load(scorers, model, new BatchingOptions { MaxBatchSize = 1, MaxQueueDelay = TimeSpan.Zero });
        using var tiled = new TiledOnnxBatchScorer(model, sessionOptions);
        using var prepacked = new TiledOnnxBatchScorer(model, sessionOptions, tiles: OnnxTiles.Prepacked);
        using var untiled = new OnnxBatchScorer(model, sessionOptions);
        using var managed = new ManagedBatchScorer(model);
        var times = TimeBatches([tiled, prepacked, untiled, managed]);
        return new InferenceBenchResult(batched, unbatched, times[0], times[1], times[2], times[3], BatchRows);
    }

    private LoadFigures Load(ScorerCache scorers, ModelSnapshot model, BatchingOptions options)
    {
        var batcher = new InferenceBatcher(options, scorers, () => model);
        try
        {
            Drive(batcher, TimeSpan.FromSeconds(1)); // warm-up: JIT, session arenas
            var latencies = Drive(batcher, duration);
            Array.Sort(latencies);
            return new LoadFigures(latencies.Length / duration.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
        }
        finally
        {
            batcher.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private double[] Drive(InferenceBatcher batcher, TimeSpan span)
    {
        long end = Stopwatch.GetTimestamp() + (long)(span.TotalSeconds * Stopwatch.Frequency);
        var requesters = new Task<List<double>>[concurrency];
        for (int c = 0; c < concurrency; c++)
        {
            var user = Vector(new Random(c), factors);
            requesters[c] = Task.Run(async () =>
            {
                var latencies = new List<double>();
                var request = new InferenceRequest(user, Count, Exclude);
                while (Stopwatch.GetTimestamp() < end)
                {
                    long start = Stopwatch.GetTimestamp();
                    await batcher.ScoreAsync(request).ConfigureAwait(false);
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                return latencies;
            });
        }

        return [.. Task.WhenAll(requesters).GetAwaiter().GetResult().SelectMany(l => l)];
    }

    /// <summary>Median of 9 runs of one full batch (64 users) through each scorer, the scorers taking turns within each run.</summary>
    private double[] TimeBatches(IBatchScorer[] scorers)
    {
        var users = Vector(new Random(99), BatchRows * factors);
        var indices = new int[BatchRows * Count];
        var scores = new float[BatchRows * Count];
        var times = new double[scorers.Length][];
        for (int s = 0; s < scorers.Length; s++)
        {
            times[s] = new double[9];
            scorers[s].Score(users, BatchRows, Count, [], [], indices, scores);
        }

        for (int run = 0; run < 9; run++)
        {
            for (int s = 0; s < scorers.Length; s++)
            {
                long start = Stopwatch.GetTimestamp();
                scorers[s].Score(users, BatchRows, Count, [], [], indices, scores);
                times[s][run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        var medians = new double[scorers.Length];
        for (int s = 0; s < scorers.Length; s++)
        {
            Array.Sort(times[s]);
            medians[s] = times[s][times[s].Length / 2];
        }

        return medians;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    internal static ModelSnapshot RandomModel(int items, int k)
    {
        var ids = new string[items];
        for (int i = 0; i < items; i++) ids[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ModelSnapshot(1, DateTimeOffset.UtcNow, new AlsOptions { Factors = k }, ids, Vector(new Random(42), items * k),
            new float[k * k], new float[k * k], 0, [], new Dictionary<string, double>());
    }

    private static float[] Vector(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)((random.NextDouble() * 2) - 1);
        return values;
    }
}

internal sealed record LoadFigures(double PerSecond, double P50Ms, double P99Ms);

internal sealed record InferenceBenchResult(LoadFigures Batched, LoadFigures Unbatched, double OnnxBatchMs, double OnnxPrepackedBatchMs,
    double OnnxUntiledBatchMs, double ManagedBatchMs, int BatchRows)
{
    /// <summary>Throughput of the tiled scorer (tiles as inputs) as a fraction of the whole-catalog graph's, on the same batch.</summary>
    public double TiledOverUntiled => OnnxUntiledBatchMs / OnnxBatchMs;

    /// <summary>The same for pre-packed tiles.</summary>
    public double PrepackedOverUntiled => OnnxUntiledBatchMs / OnnxPrepackedBatchMs;

    /// <summary>Multiply-adds of one batch, counted as two flops each, per second of <paramref name="ms"/>.</summary>
    public double Gflops(double ms, int items, int factors) => 2.0 * BatchRows * items * factors / (ms / 1000) / 1e9;
}
