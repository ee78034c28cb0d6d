using AIaaS.Engine.Factorization;
using AIaaS.Engine.Models;
using AIaaS.Engine.Retrieval;
using AIaaS.Engine.Scoring;
using AIaaS.Engine.UnitTests.Inference;
using Xunit.Abstractions;

namespace AIaaS.Engine.UnitTests.Retrieval;

public class AnnBatchScorerTests(ITestOutputHelper output)
{
    private const int Items = 20_000;
    private const int K = 16;

    [Fact]
    public void Score_PlantedClusters_RecallAt10AgainstExactIsHigh()
    {
        var random = new Random(7);
        output.WriteLine("seed 7");
        var model = Planted(random, version: 1, Items);
        using var index = ItemIndex.Build(model, new AnnOptions());
        var ann = new AnnBatchScorer(model, index, new AnnOptions());
        const int rows = 200, count = 10;
        var users = Users(random, model, rows);

        var approx = Run(ann, users, rows, count, [], []);
        var exact = TiledScoringTests.BruteForce(model, users, rows, count, [], new int[rows + 1]);

        double hits = 0;
        for (int r = 0; r < rows; r++) hits += approx.Skip(r * count).Take(count).Intersect(exact.Indices.Skip(r * count).Take(count)).Count();
        double recall = hits / (rows * count);
        output.WriteLine($"recall@10 {recall:F4}, fallbacks {ann.Fallbacks}");
        Assert.True(recall >= 0.95, $"recall@10 was {recall:F4}");
        Assert.Equal(0, ann.Fallbacks);
    }

    [Fact]
    public void Score_ExclusionsCoverTheBestCandidates_ReturnsCountItemsNoneExcluded()
    {
        var random = new Random(8);
        var model = Planted(random, version: 1, Items);
        using var index = ItemIndex.Build(model, new AnnOptions());
        var ann = new AnnBatchScorer(model, index, new AnnOptions { Oversample = 1 });
        var user = Users(random, model, 1);
        var best = TiledScoringTests.BruteForce(model, user, 1, 500, [], [0, 0]).Indices;
        var exclude = best.Take(450).ToArray();

        var top = Run(ann, user, 1, 20, exclude, [0, exclude.Length]);

        Assert.Equal(20, top.Count(i => i >= 0));
        Assert.Empty(top.Intersect(exclude));
        Assert.Equal(20, top.Distinct().Count());
    }

    [Theory]
    [InlineData(0.10, 200, false)]
    [InlineData(0.01, 40, true)]
    public void ScoreAllowed_FilteredRequest_ReturnsCountEligibleItems(double selectivity, int maxCandidates, bool fallsBack)
    {
        var random = new Random(9);
        output.WriteLine($"seed 9, selectivity {selectivity}");
        var model = Planted(random, version: 1, Items);
        using var index = ItemIndex.Build(model, new AnnOptions());
        // Few candidates, so that a 10 % filter is served from them and a 1 % filter has to fall back to exact scoring.
        var ann = new AnnBatchScorer(model, index, new AnnOptions { MaxCandidates = maxCandidates });
        var builder = ItemMask.Create(Items, allowAll: false);
        for (int i = 0; i < Items; i++)
        {
            if (random.NextDouble() < selectivity) builder.Allow(i);
        }

        var mask = builder.Build();
        Assert.True(mask.Count > 4 * maxCandidates);
        var user = Users(random, model, 1);
        var exclude = Enumerable.Range(0, Items).Where(mask.Contains).Take(5).ToArray();
        var top = new int[10];
        var scores = new float[10];

        int written = ann.ScoreAllowed(user, mask, exclude, top, scores);

        Assert.Equal(10, written);
        Assert.All(top, i => Assert.True(mask.Contains(i) && !exclude.Contains(i)));
        var exact = new int[10];
        TopK.RecommendAllowed(user, model.ItemFactors, mask, exclude, exact, new float[10]);
        output.WriteLine($"overlap with exact {top.Intersect(exact).Count()}/10, fallbacks {ann.Fallbacks}");
        Assert.Equal(fallsBack ? 1 : 0, ann.Fallbacks);
        if (fallsBack) Assert.Equal(exact, top);
    }

    [Fact]
    public void Score_RowsInParallel_EqualRowsOneByOne()
    {
        var random = new Random(13);
        var model = Planted(random, version: 1, Items);
        using var index = ItemIndex.Build(model, new AnnOptions());
        const int rows = 64, count = 10;
        var users = Users(random, model, rows);
        var exclude = Enumerable.Range(0, rows * 3).Select(_ => random.Next(Items)).ToArray();
        var offsets = Enumerable.Range(0, rows + 1).Select(r => r * 3).ToArray();

        var parallel = Run(new AnnBatchScorer(model, index, new AnnOptions { Threads = 4 }), users, rows, count, exclude, offsets);
        var serial = Run(new AnnBatchScorer(model, index, new AnnOptions { Threads = 1 }), users, rows, count, exclude, offsets);

        Assert.Equal(serial, parallel);
        for (int r = 0; r < rows; r++) Assert.Empty(parallel.Skip(r * count).Take(count).Intersect(exclude.Skip(r * 3).Take(3)));
    }

    [Fact]
    public void Score_ItemsTheIndexDoesNotHold_AreStillEligible()
    {
        var random = new Random(10);
        var model = Planted(random, version: 3, Items);
        for (int f = 0; f < K; f++) model.ItemFactors[((Items - 1) * K) + f] *= 10; // the newest item outscores every other in its direction
        // An index of the same version that holds all but the last 100 items, as for items added after it was built.
        using var index = ItemIndex.Build(Prefix(model, Items - 100), new AnnOptions());
        var ann = new AnnBatchScorer(model, index, new AnnOptions());
        var user = model.ItemFactors.AsSpan((Items - 1) * K, K).ToArray();

        var top = Run(ann, user, 1, 10, [], []);

        Assert.Equal(Items - 1, top[0]);
    }

    [Fact]
    public void Load_SavedIndex_SearchesAlike()
    {
        var random = new Random(11);
        var model = Planted(random, version: 1, 2000);
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "items.usearch");
        using var built = ItemIndex.Build(model, new AnnOptions());
        built.Save(path);
        using var loaded = ItemIndex.Load(path, model, new AnnOptions());
        var user = Users(random, model, 1);
        var a = new int[20];
        var b = new int[20];

        Assert.Equal(built.Search(user, a), loaded.Search(user, b));
        Assert.Equal(a, b);
        Assert.Equal(2000, loaded.Items);
        Assert.Throws<InvalidDataException>(() => ItemIndex.Load(path, Planted(random, version: 1, 1000), new AnnOptions()));
    }

    [Fact]
    public void Constructor_IndexOfAnotherVersion_Throws()
    {
        var random = new Random(12);
        var model = Planted(random, version: 1, 500);
        using var index = ItemIndex.Build(model, new AnnOptions());

        Assert.Throws<ArgumentException>(() => new AnnBatchScorer(Planted(random, version: 2, 500), index, new AnnOptions()));
        Assert.Throws<ArgumentException>(() => new AnnBatchScorer(model, index, new AnnOptions { Oversample = 0 }));
    }

    private static int[] Run(AnnBatchScorer scorer, float[] users, int rows, int count, int[] exclude, int[] offsets)
    {
        var indices = new int[rows * count];
        scorer.Score(users, rows, count, exclude, offsets, indices, new float[rows * count]);
        return indices;
    }

    /// <summary>Users near random items, as folded-in users sit near what they consumed.</summary>
    internal static float[] Users(Random random, ModelSnapshot model, int rows)
    {
        var users = new float[rows * K];
        for (int r = 0; r < rows; r++)
        {
            int item = random.Next(model.ItemCount);
            for (int f = 0; f < K; f++) users[(r * K) + f] = model.ItemFactors[(item * K) + f] + (0.3f * (float)((random.NextDouble() * 2) - 1));
        }

        return users;
    }

    /// <summary>Items around 32 cluster centres, with norms that vary as popularity does in trained factors.</summary>
    internal static ModelSnapshot Planted(Random random, long version, int items)
    {
        var centres = RandomModels.Vector(random, 32 * K);
        var factors = new float[items * K];
        for (int i = 0; i < items; i++)
        {
            int c = random.Next(32);
            float scale = 0.5f + (float)random.NextDouble();
            for (int f = 0; f < K; f++) factors[(i * K) + f] = scale * (centres[(c * K) + f] + (0.4f * (float)((random.NextDouble() * 2) - 1)));
        }

        return Snapshot(version, factors, items);
    }

    private static ModelSnapshot Prefix(ModelSnapshot model, int items) => Snapshot(model.Version, model.ItemFactors[..(items * K)], items);

    private static ModelSnapshot Snapshot(long version, float[] factors, int items)
    {
        var ids = new string[items];
        for (int i = 0; i < items; i++) ids[i] = $"i{i}";
        return new ModelSnapshot(version, DateTimeOffset.UnixEpoch, new AlsOptions { Factors = K }, ids, factors,
            new float[K * K], new float[K * K], 0, [], new Dictionary<string, double>());
    }
}
