using System.Diagnostics;
using AIaaS.Engine.Inference;
using AIaaS.Engine.Retrieval;
using Microsoft.ML.OnnxRuntime;

namespace AIaaS.Cli.Bench;

/// <summary>
/// Approximate against exact retrieval on one model: exact top-10 of every sampled user through the default exact
/// scorer (ONNX Runtime, tiled), the HNSW index's build, size and reload, and the ANN scorer's top-10 of the same users
/// in the same batches. Throughput is users per second on one batch loop, best of the rounds; no exclusions.
/// </summary>
internal sealed class AnnBench(AnnBenchData data, AnnOptions ann, int batch, int rounds, bool untiled, OnnxTiles tiles)
{
    private const int Count = 10;

    public AnnBenchResult Run()
    {
        var model = data.Model;
        int users = data.Users.Length / model.Factors;
        using var sessionOptions = new SessionOptions();
        using var exact = new TiledOnnxBatchScorer(model, sessionOptions, tiles: tiles);
        var truth = new int[users * Count];
        double exactSeconds = Time(exact, truth);
        double untiledSeconds = double.NaN;
        if (untiled)
        {
            using var whole = new OnnxBatchScorer(model, sessionOptions);
            untiledSeconds = Time(whole, new int[users * Count]);
        }

        var clock = Stopwatch.StartNew();
        double buildSeconds;
        (ItemIndex Index, long Bytes, double LoadSeconds) stored;
        using (var built = ItemIndex.Build(model, ann))
        {
            buildSeconds = clock.Elapsed.TotalSeconds;
            stored = StoreAndLoad(built, model, ann);
        }

        // Searched as a silo searches it: read back from the bytes the model store keeps.
        using var served = stored.Index;
        var approximate = new AnnBatchScorer(model, served, ann);
        var found = new int[users * Count];
        double annSeconds = Time(approximate, found);
        return new AnnBenchResult(model.ItemCount, model.Factors, users, Recall(truth, found, users), users / annSeconds, users / exactSeconds,
            users / untiledSeconds, buildSeconds, stored.Bytes, stored.LoadSeconds, approximate.Fallbacks,
            2.0 * users * model.ItemCount * model.Factors / exactSeconds / 1e9);
    }

    /// <summary>Best of the rounds (after one untimed round) of scoring every user in batches; the last round's results go to <paramref name="top"/>.</summary>
    private double Time(IBatchScorer scorer, int[] top)
    {
        double best = double.PositiveInfinity;
        for (int round = 0; round <= rounds; round++)
        {
            long start = Stopwatch.GetTimestamp();
            ScoreAll(scorer, top);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (round > 0) best = Math.Min(best, seconds);
        }

        return best;
    }

    private void ScoreAll(IBatchScorer scorer, int[] top)
    {
        int k = data.Model.Factors, users = data.Users.Length / k;
        var rows = new float[batch * k];
        var scores = new float[batch * Count];
        for (int start = 0; start < users; start += batch)
        {
            int n = Math.Min(batch, users - start);
            data.Users.AsSpan(start * k, n * k).CopyTo(rows);
            scorer.Score(rows, n, Count, [], [], top.AsSpan(start * Count, n * Count), scores);
        }
    }

    /// <summary>The index through the bytes the model store keeps, read back as a silo reads it.</summary>
    private static (ItemIndex Index, long Bytes, double LoadSeconds) StoreAndLoad(ItemIndex index, Engine.Models.ModelSnapshot model, AnnOptions ann)
    {
        var bytes = index.ToBytes();
        var clock = Stopwatch.StartNew();
        var loaded = ItemIndex.FromBytes(bytes, model, ann);
        return (loaded, bytes.Length, clock.Elapsed.TotalSeconds);
    }

    private static double Recall(int[] truth, int[] found, int users)
    {
        long hits = 0, total = 0;
        for (int u = 0; u < users; u++)
        {
            var expected = truth.AsSpan(u * Count, Count);
            var got = found.AsSpan(u * Count, Count);
            foreach (var item in expected)
            {
                if (item < 0) continue;
                total++;
                if (got.Contains(item)) hits++;
            }
        }

        return total == 0 ? double.NaN : (double)hits / total;
    }
}

internal sealed record AnnBenchResult(int Items, int Factors, int Users, double RecallAt10, double AnnPerSecond, double ExactPerSecond,
    double ExactUntiledPerSecond, double BuildSeconds, long IndexBytes, double IndexLoadSeconds, long Fallbacks, double ExactGflops)
{
    public double Speedup => AnnPerSecond / ExactPerSecond;
}
