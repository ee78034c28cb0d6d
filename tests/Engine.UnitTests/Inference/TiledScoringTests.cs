using AIaaS.Engine.Factorization;
using AIaaS.Engine.Inference;
using AIaaS.Engine.Models;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace AIaaS.Engine.UnitTests.Inference;

public class TiledScoringTests(ITestOutputHelper output)
{
    // The smallest tile bound: 1,024 items per tile, so a few thousand items make several tiles and a partial last one.
    private const int SmallTiles = 4096;

    [Theory]
    [InlineData(11, 5000, 8, 10, 8)]
    [InlineData(12, 3333, 16, 25, 3)]
    [InlineData(13, 2048, 4, 100, 64)]
    public void Score_IntegerFactorsWithManyTies_EveryScorerEqualsBruteForce(int seed, int items, int k, int count, int rows)
    {
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var model = Model(Integers(random, items * k), items, k);
        var users = Integers(random, rows * k);
        var (exclude, offsets) = Exclusions(random, rows, items);
        var expected = BruteForce(model, users, rows, count, exclude, offsets);
        using var options = new SessionOptions();
        using var tiled = new TiledOnnxBatchScorer(model, options, SmallTiles);
        using var untiled = new OnnxBatchScorer(model, options);
        using var managed = new ManagedBatchScorer(model);
        // Pre-packed tiles made for 2 rows: every batch but the smallest runs in parts.
        using var prepacked = new TiledOnnxBatchScorer(model, options, SmallTiles, OnnxTiles.Prepacked, maxRows: 2);
        Assert.True(tiled.TileItems(rows) < items);
        Assert.True(prepacked.TileItems(rows) < items);

        foreach (IBatchScorer scorer in new IBatchScorer[] { tiled, untiled, managed, prepacked })
        {
            var (indices, scores) = Run(scorer, users, rows, count, exclude, offsets);
            Assert.Equal(expected.Indices, indices);
            Assert.Equal(expected.Scores, scores);
        }
    }

    [Theory]
    [InlineData(21, 10_000, 32, 10, 16)]
    [InlineData(22, 4097, 64, 50, 5)]
    public void Score_RandomFactors_TiledMatchesUntiledWithinRounding(int seed, int items, int k, int count, int rows)
    {
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var model = RandomModels.Create(random, 1, items, k);
        var users = RandomModels.Vector(random, rows * k);
        var (exclude, offsets) = Exclusions(random, rows, items);
        using var options = new SessionOptions();
        using var tiled = new TiledOnnxBatchScorer(model, options, SmallTiles);
        using var prepacked = new TiledOnnxBatchScorer(model, options, SmallTiles, OnnxTiles.Prepacked, maxRows: 3);
        using var untiled = new OnnxBatchScorer(model, options);
        var b = Run(untiled, users, rows, count, exclude, offsets);

        foreach (var scorer in new[] { tiled, prepacked })
        {
            var a = Run(scorer, users, rows, count, exclude, offsets);

            // Gemm and MatMul may round a sum differently; ranks agree within that, and items agree where scores are apart.
            for (int i = 0; i < a.Scores.Length; i++)
            {
                Assert.Equal(b.Scores[i], a.Scores[i], 1e-4f);
                if (Separated(b.Scores, i, count)) Assert.Equal(b.Indices[i], a.Indices[i]);
            }
        }
    }

    [Fact]
    public void Score_ExclusionsBeyondTheExtraCandidates_RowIsCompletedExactly()
    {
        var random = new Random(31);
        int items = 3000, k = 8, count = 10;
        var model = Model(Integers(random, items * k), items, k);
        var users = Integers(random, k);
        var best = BruteForce(model, users, 1, 400, [], [0, 0]).Indices;
        var exclude = best.Take(300).ToArray(); // more than MaxExtraCandidates of the row's best
        using var options = new SessionOptions();
        using var tiled = new TiledOnnxBatchScorer(model, options, SmallTiles);

        var (indices, _) = Run(tiled, users, 1, count, exclude, [0, exclude.Length]);

        Assert.Equal(best.Skip(300).Take(count), indices);
    }

    [Fact]
    public void Score_CountAboveCatalog_TailIsMinusOne()
    {
        var random = new Random(41);
        var model = RandomModels.Create(random, 1, 7, 4);
        using var options = new SessionOptions();
        using var tiled = new TiledOnnxBatchScorer(model, options, SmallTiles);

        var (indices, _) = Run(tiled, RandomModels.Vector(random, 8), 2, 10, [3], [0, 1, 1]);

        Assert.Equal(6, indices.Take(10).Count(i => i >= 0));
        Assert.Equal(7, indices.Skip(10).Count(i => i >= 0));
        Assert.DoesNotContain(3, indices.Take(10));
        Assert.All(indices.Take(10).Skip(6), i => Assert.Equal(-1, i));
    }

    [Fact]
    public void Score_PrepackedExclusionsBeyondTheExtraCandidatesInTheSecondPart_RowIsCompletedExactly()
    {
        var random = new Random(32);
        int items = 3000, k = 8, count = 10;
        var model = Model(Integers(random, items * k), items, k);
        var users = Integers(random, 3 * k);
        var expected = BruteForce(model, users, 3, 400, [], [0, 0, 0, 0]).Indices;
        var exclude = expected.Skip(800).Take(300).ToArray(); // the third row's best 300
        using var options = new SessionOptions();
        using var prepacked = new TiledOnnxBatchScorer(model, options, SmallTiles, OnnxTiles.Prepacked, maxRows: 2);

        var (indices, _) = Run(prepacked, users, 3, count, exclude, [0, 0, 0, exclude.Length]);

        Assert.Equal(expected.Take(count), indices.Take(count));
        Assert.Equal(expected.Skip(800 + 300).Take(count), indices.Skip(2 * count));
    }

    [Fact]
    public void TileItems_BoundsTheScoreTensorPerBatch()
    {
        var model = RandomModels.Create(new Random(1), 1, 1_000_000, 4);
        using var options = new SessionOptions();
        using var tiled = new TiledOnnxBatchScorer(model, options);

        Assert.Equal(16_384, tiled.TileItems(64));
        Assert.True(tiled.TileItems(64) * 64 * sizeof(float) <= TiledOnnxBatchScorer.DefaultTileScoreBytes);
        Assert.True(tiled.TileItems(1) * sizeof(float) <= TiledOnnxBatchScorer.DefaultTileScoreBytes);
    }

    private static bool Separated(float[] scores, int i, int count)
    {
        int row = i / count, start = row * count, end = start + count;
        bool before = i == start || scores[i - 1] - scores[i] > 1e-3f;
        bool after = i + 1 == end || scores[i] - scores[i + 1] > 1e-3f;
        return before && after;
    }

    private static (int[] Indices, float[] Scores) Run(IBatchScorer scorer, float[] users, int rows, int count, int[] exclude, int[] offsets)
    {
        var indices = new int[rows * count];
        var scores = new float[rows * count];
        scorer.Score(users, rows, count, exclude, offsets, indices, scores);
        for (int i = 0; i < indices.Length; i++) scores[i] = indices[i] < 0 ? 0 : scores[i];
        return (indices, scores);
    }

    /// <summary>Every item scored, sorted by score then index; exclusions dropped; missing slots -1 with score 0.</summary>
    internal static (int[] Indices, float[] Scores) BruteForce(ModelSnapshot model, float[] users, int rows, int count, int[] exclude, int[] offsets)
    {
        int k = model.Factors;
        var indices = new int[rows * count];
        var scores = new float[rows * count];
        for (int r = 0; r < rows; r++)
        {
            var excluded = exclude[offsets[r]..offsets[r + 1]].ToHashSet();
            var user = users.AsSpan(r * k, k).ToArray();
            var best = Enumerable.Range(0, model.ItemCount).Where(i => !excluded.Contains(i))
                .Select(i => (Item: i, Score: Dot(user, model.ItemFactors, i, k)))
                .OrderByDescending(p => p.Score).ThenBy(p => p.Item).Take(count).ToArray();
            for (int j = 0; j < count; j++)
            {
                indices[(r * count) + j] = j < best.Length ? best[j].Item : -1;
                scores[(r * count) + j] = j < best.Length ? best[j].Score : 0;
            }
        }

        return (indices, scores);
    }

    private static float Dot(float[] user, float[] factors, int item, int k)
    {
        float sum = 0;
        for (int f = 0; f < k; f++) sum += user[f] * factors[(item * k) + f];
        return sum;
    }

    private static (int[] Exclude, int[] Offsets) Exclusions(Random random, int rows, int items)
    {
        var exclude = new List<int>();
        var offsets = new int[rows + 1];
        for (int r = 0; r < rows; r++)
        {
            int n = random.Next(0, 20);
            for (int j = 0; j < n; j++) exclude.Add(random.Next(items));
            offsets[r + 1] = exclude.Count;
        }

        return ([.. exclude], offsets);
    }

    /// <summary>Small integers: every dot product is exact in float, whatever the summation order, and ties are common.</summary>
    private static float[] Integers(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = random.Next(-2, 3);
        return values;
    }

    private static ModelSnapshot Model(float[] factors, int items, int k)
    {
        var ids = new string[items];
        for (int i = 0; i < items; i++) ids[i] = $"i{i}";
        return new ModelSnapshot(1, DateTimeOffset.UnixEpoch, new AlsOptions { Factors = k }, ids, factors,
            new float[k * k], new float[k * k], 0, [], new Dictionary<string, double>());
    }
}
