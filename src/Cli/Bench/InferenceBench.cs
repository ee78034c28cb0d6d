using System.Diagnostics;
using AIaaS.Engine.Factorization;
using AIaaS.Engine.Inference;
using AIaaS.Engine.Models;
using Microsoft.ML.OnnxRuntime;

namespace AIaaS.Cli.Bench;

/// <summary>
/// Drives Engine's <see cref="InferenceBatcher"/> directly (no Orleans, no network) with closed-loop requesters:
/// once with dynamic batching and once with batches of one, then times one full batch on each scorer.
/// </summary>
internal sealed class InferenceBench(int items, int factors, int concurrency, TimeSpan duration, bool onnx, TimeSpan maxQueueDelay)
{
    private const int Count = 10;
    private static readonly int[] Exclude = [1, 2, 3, 4, 5];

    public InferenceBenchResult Run()
    {
        var model = RandomModel(items, factors);
        using var sessionOptions = new SessionOptions();
        using var scorers = new ScorerCache(m => onnx ? new OnnxBatchScorer(m, sessionOptions) : new ManagedBatchScorer(m));
        var batched = Load(scorers, model, new BatchingOptions { MaxBatchSize = 64, MaxQueueDelay = maxQueueDelay });
        var unbatched = Load(scorers, model, new BatchingOptions { MaxBatchSize = 1, MaxQueueDelay = TimeSpan.Zero });
        using var onnxScorer = new OnnxBatchScorer(model, sessionOptions);
        using var managedScorer = new ManagedBatchScorer(model);
        return new InferenceBenchResult(batched, unbatched, TimeBatch(onnxScorer), TimeBatch(managedScorer));
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

    /// <summary>Median of 9 runs of one full batch (64 users) through a scorer.</summary>
    private double TimeBatch(IBatchScorer scorer)
    {
        const int rows = 64;
        var users = Vector(new Random(99), rows * factors);
        var indices = new int[rows * Count];
        var scores = new float[rows * Count];
        var times = new double[9];
        scorer.Score(users, rows, Count, [], [], indices, scores);
        for (int run = 0; run < times.Length; run++)
        {
            long start = Stopwatch.GetTimestamp();
            scorer.Score(users, rows, Count, [], [], indices, scores);
            times[run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static ModelSnapshot RandomModel(int items, int k)
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

internal sealed record InferenceBenchResult(LoadFigures Batched, LoadFigures Unbatched, double OnnxBatchMs, double ManagedBatchMs);
