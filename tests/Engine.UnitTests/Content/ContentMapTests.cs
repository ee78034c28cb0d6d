using AIaaS.Engine.Content;
using Xunit.Abstractions;

namespace AIaaS.Engine.UnitTests.Content;

public class ContentMapTests(ITestOutputHelper output)
{
    private const int K = 4;
    private static readonly string[] Vocabulary = ["category:drama", "category:comedy", "tag:funny", "tag:1990s", "tag:dark", "category:war"];

    [Fact]
    public void Fit_PlantedLinearMap_RecoversWeightsAndIntercept()
    {
        const int seed = 11;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var weights = RandomModels.Vector(random, Vocabulary.Length * K);
        var intercept = RandomModels.Vector(random, K);
        var (features, factors) = Planted(random, 500, weights, intercept, noise: 0.01);

        var map = ContentMap.Fit(features, factors, K, new ContentMapOptions { Regularization = 1e-3 });

        Assert.NotNull(map);
        Assert.Equal(500, map.FittedItems);
        Span<float> projected = stackalloc float[K];
        for (int f = 0; f < Vocabulary.Length; f++)
        {
            Assert.True(map.TryProject([Vocabulary[f]], projected));
            for (int d = 0; d < K; d++) Assert.True(Math.Abs(intercept[d] + weights[f * K + d] - projected[d]) < 0.01, $"seed {seed}, feature {f}, dimension {d}");
        }
    }

    [Fact]
    public void Fit_LargeRegularization_ShrinksTowardsTheIntercept()
    {
        var random = new Random(3);
        var weights = RandomModels.Vector(random, Vocabulary.Length * K);
        var (features, factors) = Planted(random, 200, weights, new float[K], noise: 0);

        var map = ContentMap.Fit(features, factors, K, lambda: 1e9)!;

        Span<float> projected = stackalloc float[K];
        Assert.True(map.TryProject(["tag:funny"], projected));
        var mean = new float[K];
        for (int i = 0; i < features.Length; i++)
        {
            for (int d = 0; d < K; d++) mean[d] += factors[i * K + d] / features.Length;
        }
        for (int d = 0; d < K; d++) Assert.Equal(mean[d], projected[d], 3);
    }

    [Fact]
    public void TryProject_NoKnownFeature_ReturnsFalseAndZeroes()
    {
        var map = SmallMap();
        Span<float> destination = [1f, 2f, 3f, 4f];

        Assert.False(map.TryProject(["tag:unheard-of", "category:DRAMA"], destination));
        Assert.False(map.TryProject([], destination));
        Assert.Equal([0f, 0f, 0f, 0f], destination.ToArray());
    }

    [Fact]
    public void TryProject_UnknownAndRepeatedFeatures_CountKnownOnesOnce()
    {
        var map = SmallMap();
        Span<float> once = stackalloc float[K];
        Span<float> noisy = stackalloc float[K];

        Assert.True(map.TryProject(["category:drama", "tag:funny"], once));
        Assert.True(map.TryProject(["tag:funny", "tag:nope", "category:drama", "tag:funny"], noisy));

        Assert.Equal(once.ToArray(), noisy.ToArray());
    }

    [Fact]
    public void TryProject_WrongDestinationLength_Throws()
    {
        var map = SmallMap();

        Assert.Throws<ArgumentException>(() => map.TryProject(["tag:funny"], new float[K + 1]));
    }

    [Fact]
    public void Fit_FeatureOnOneItemOrBeyondTheCap_LeftOutOfTheVocabulary()
    {
        IReadOnlyCollection<string>[] features = [["a", "b", "once"], ["a", "b"], ["a", "c"], ["a", "c"], ["c"]];
        var factors = new float[features.Length * K];

        var all = ContentMap.Fit(features, factors, K)!;
        var capped = ContentMap.Fit(features, factors, K, new ContentMapOptions { MaxFeatures = 2 })!;

        Assert.Equal(["a", "c", "b"], all.Features);
        Assert.Equal(["a", "c"], capped.Features);
        Assert.Equal(5, capped.FittedItems);
    }

    [Fact]
    public void Fit_NothingShared_ReturnsNull()
    {
        IReadOnlyCollection<string>[] features = [["a"], ["b"], []];

        Assert.Null(ContentMap.Fit(features, new float[features.Length * K], K));
    }

    [Fact]
    public void Fit_BadInput_ThrowsNamingIt()
    {
        IReadOnlyCollection<string>[] features = [["a"], ["a"]];

        Assert.Throws<ArgumentException>(() => ContentMap.Fit(features, new float[3 * K], K));
        var bad = Assert.Throws<ArgumentException>(() => ContentMap.Fit(features, new float[2 * K], K, lambda: 0));
        Assert.Contains("Regularization", bad.Message);
        Assert.Throws<ArgumentException>(() => ContentMap.Fit(features, new float[2 * K], K, new ContentMapOptions { MinItems = 0 }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WriteRead_RoundTrip_SameFeaturesAndProjections(bool intercept)
    {
        var random = new Random(5);
        var (features, factors) = Planted(random, 100, RandomModels.Vector(random, Vocabulary.Length * K), RandomModels.Vector(random, K), noise: 0.1);
        var map = ContentMap.Fit(features, factors, K, new ContentMapOptions { Intercept = intercept })!;

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) map.Write(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = ContentMap.Read(reader);

        Assert.Equal(stream.Length, stream.Position);
        Assert.Equal(map.Features, read.Features);
        Assert.Equal(intercept, read.HasIntercept);
        Assert.Equal(map.Regularization, read.Regularization);
        Assert.Equal(map.FittedItems, read.FittedItems);
        var expected = new float[K];
        var actual = new float[K];
        foreach (var item in features)
        {
            Assert.True(map.TryProject(item, expected));
            Assert.True(read.TryProject(item, actual));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Read_UnknownFormat_ThrowsInvalidData()
    {
        using var stream = new MemoryStream(BitConverter.GetBytes(99));
        using var reader = new BinaryReader(stream);

        Assert.Throws<InvalidDataException>(() => ContentMap.Read(reader));
    }

    private static ContentMap SmallMap()
    {
        var random = new Random(1);
        var (features, factors) = Planted(random, 50, RandomModels.Vector(random, Vocabulary.Length * K), RandomModels.Vector(random, K), noise: 0.1);
        return ContentMap.Fit(features, factors, K)!;
    }

    /// <summary>Items with a random non-empty subset of the vocabulary and factors x·W + b + noise.</summary>
    private static (IReadOnlyCollection<string>[] Features, float[] Factors) Planted(Random random, int items, float[] weights, float[] intercept, double noise)
    {
        var features = new IReadOnlyCollection<string>[items];
        var factors = new float[items * K];
        for (int i = 0; i < items; i++)
        {
            var carried = new List<string>();
            var row = factors.AsSpan(i * K, K);
            intercept.CopyTo(row);
            for (int f = 0; f < Vocabulary.Length; f++)
            {
                if (random.NextDouble() >= 0.4 && !(carried.Count == 0 && f == Vocabulary.Length - 1)) continue;
                carried.Add(Vocabulary[f]);
                for (int d = 0; d < K; d++) row[d] += weights[f * K + d];
            }
            for (int d = 0; d < K; d++) row[d] += (float)((random.NextDouble() - 0.5) * 2 * noise);
            features[i] = carried;
        }
        return (features, factors);
    }
}
