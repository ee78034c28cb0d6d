using AIaaS.Engine.Inference;
using AIaaS.Engine.Scoring;

namespace AIaaS.Engine.UnitTests.Scoring;

public class FilteredTopKTests
{
    private static readonly int[] ExcludedOdd = [1, 3];

    [Theory]
    [InlineData(1, 1000, 16, 10, 0.5)]
    [InlineData(2, 5000, 32, 20, 0.05)]
    [InlineData(3, 10_000, 8, 10, 0.001)]
    public void RecommendAllowed_RandomMask_EqualsBruteForceOverAllowedItems(int seed, int items, int k, int count, double selectivity)
    {
        var random = new Random(seed);
        var itemFactors = RandomModels.Vector(random, items * k);
        var user = RandomModels.Vector(random, k);
        var allowed = Enumerable.Range(0, items).Where(_ => random.NextDouble() < selectivity).ToHashSet();
        var exclude = allowed.Where(_ => random.NextDouble() < 0.1).ToArray();
        var mask = ItemMask.Create(items, allowAll: false);
        foreach (var item in allowed) mask.Allow(item);
        var indices = new int[count];
        var scores = new float[count];

        int n = TopK.RecommendAllowed(user, itemFactors, mask.Build(), exclude, indices, scores);

        var expected = allowed.Except(exclude)
            .Select(i => (Item: i, Score: System.Numerics.Tensors.TensorPrimitives.Dot(user, itemFactors.AsSpan(i * k, k))))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Item).Take(count).ToArray();
        Assert.Equal(expected.Length, n);
        Assert.Equal(expected.Select(p => p.Item), indices.Take(n));
    }

    [Fact]
    public void RecommendAllowed_NarrowMask_ReturnsEveryAllowedItemEvenWhenTheyScoreWorst()
    {
        // Items 0..99 score 0..99; only the three worst are allowed: an after-the-fact filter of a top-10 would return none.
        var itemFactors = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();
        var mask = ItemMask.Create(100, allowAll: false);
        foreach (var item in new[] { 0, 1, 2 }) mask.Allow(item);
        var indices = new int[3];

        int n = TopK.RecommendAllowed([1f], itemFactors, mask.Build(), [], indices, new float[3]);

        Assert.Equal(3, n);
        Assert.Equal([2, 1, 0], indices);
    }

    [Fact]
    public void ItemMask_SetOperations_CountAndContainWhatWasBuilt()
    {
        var evens = ItemMask.Create(130, allowAll: false);
        for (int i = 0; i < 130; i += 2) evens.Allow(i);
        var all = ItemMask.Create(130, allowAll: true);
        all.IntersectWith(evens.Build());
        all.Deny(0);
        all.Allow(500);

        var mask = all.Build();

        Assert.Equal(130, ItemMask.Create(130, allowAll: true).Build().Count);
        Assert.Equal(64, mask.Count);
        Assert.False(mask.Contains(0));
        Assert.True(mask.Contains(128));
        Assert.False(mask.Contains(129));
        Assert.False(mask.Contains(500));
        Assert.Throws<ArgumentException>(() => all.IntersectWith(ItemMask.Create(64, allowAll: true).Build()));
    }

    [Fact]
    public async Task Batcher_MaskOfAnotherModel_AnswersEmptyAndFilteredRowsOnlyAllowedItems()
    {
        var model = RandomModels.Create(new Random(5), version: 7, items: 200, k: 4);
        var other = RandomModels.Create(new Random(6), version: 8, items: 200, k: 4);
        using var scorers = new ScorerCache(snapshot => new ManagedBatchScorer(snapshot));
        await using var batcher = new InferenceBatcher(new BatchingOptions { MaxBatchSize = 8, MaxQueueDelay = TimeSpan.FromMilliseconds(5) }, scorers, () => model);
        var user = RandomModels.Vector(new Random(7), 4);
        var odd = ItemMask.Create(200, allowAll: false, model);
        for (int i = 1; i < 200; i += 2) odd.Allow(i);
        var stale = ItemMask.Create(200, allowAll: true, other);

        var results = await Task.WhenAll(
            batcher.ScoreAsync(new InferenceRequest(user, 10, Array.Empty<int>())),
            batcher.ScoreAsync(new InferenceRequest(user, 10, ExcludedOdd, odd.Build())),
            batcher.ScoreAsync(new InferenceRequest(user, 10, Array.Empty<int>(), stale.Build())));

        Assert.Equal(10, results[0].Items.Length);
        Assert.Equal(10, results[1].Items.Length);
        Assert.All(results[1].Items, item => Assert.True(item % 2 == 1 && item != 1 && item != 3));
        Assert.Empty(results[2].Items);
        Assert.Equal(7, results[2].ModelVersion);
    }
}
