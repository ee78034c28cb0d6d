using AIaaS.Engine.Scoring;
using Xunit.Abstractions;

namespace AIaaS.Engine.UnitTests.Scoring;

public class TopKTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, 500, 16, 10)]
    [InlineData(2, 2000, 64, 50)]
    [InlineData(3, 7, 8, 10)]
    public void Recommend_RandomData_EqualsBruteForceSort(int seed, int items, int k, int count)
    {
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var itemFactors = RandomVector(random, items * k);
        var user = RandomVector(random, k);
        var exclude = Enumerable.Range(0, items).Where(_ => random.NextDouble() < 0.1).ToArray();
        var indices = new int[count];
        var scores = new float[count];

        int n = TopK.Recommend(user, itemFactors, exclude, indices, scores);

        var expected = Enumerable.Range(0, items).Except(exclude)
            .Select(i => (Item: i, Score: Dot(user, itemFactors.AsSpan(i * k, k))))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Item).Take(count).ToArray();
        Assert.Equal(expected.Length, n);
        Assert.Equal(expected.Select(p => p.Item), indices.Take(n));
        for (int i = 0; i < n; i++) Assert.Equal(expected[i].Score, scores[i], 4);
    }

    [Fact]
    public void Recommend_ExcludedBestItem_IsNeverReturned()
    {
        float[] items = [1f, 5f, 3f, 4f];
        var indices = new int[2];

        int n = TopK.Recommend([1f], items, [1], indices, new float[2]);

        Assert.Equal(2, n);
        Assert.Equal([3, 2], indices);
    }

    [Fact]
    public void Recommend_FewerItemsThanAsked_ReturnsWhatIsLeft()
    {
        var indices = new int[5];

        int n = TopK.Recommend([1f], [1f, 2f, 3f], [0], indices, new float[5]);

        Assert.Equal(2, n);
        Assert.Equal([2, 1], indices.Take(2));
    }

    [Fact]
    public void RecommendBatch_EqualsPerUserRecommend()
    {
        var random = new Random(11);
        output.WriteLine("seed 11");
        const int k = 8, items = 300, users = 5, count = 7;
        var itemFactors = RandomVector(random, items * k);
        var userFactors = RandomVector(random, users * k);
        int[] exclude = [1, 2, 3, 10, 20];
        int[] offsets = [0, 3, 3, 5, 5, 5];
        var batchIndices = new int[users * count];

        TopK.RecommendBatch(userFactors, itemFactors, k, count, exclude, offsets, batchIndices, new float[users * count]);

        for (int u = 0; u < users; u++)
        {
            var single = new int[count];
            TopK.Recommend(userFactors.AsSpan(u * k, k), itemFactors, exclude.AsSpan(offsets[u]..offsets[u + 1]), single, new float[count]);
            Assert.Equal(single, batchIndices.AsSpan(u * count, count).ToArray());
        }
    }

    [Fact]
    public void SimilarItems_ParallelVectors_RankFirstAndSelfExcluded()
    {
        float[] factors = [1f, 0f, /* 1 */ 0f, 1f, /* 2 */ 2f, 0.1f, /* 3 */ -1f, 0f];
        var similar = new SimilarItems(factors, 2);
        var indices = new int[3];
        var scores = new float[3];

        int n = similar.Find(0, indices, scores);

        Assert.Equal(3, n);
        Assert.Equal([2, 1, 3], indices);
        Assert.Equal(-1f, scores[2], 5);
    }

    internal static float[] RandomVector(Random random, int length)
    {
        var v = new float[length];
        for (int i = 0; i < length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        return v;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
