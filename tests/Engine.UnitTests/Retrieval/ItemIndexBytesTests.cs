using AIaaS.Engine.Factorization;
using AIaaS.Engine.Models;
using AIaaS.Engine.Retrieval;
using static AIaaS.Engine.UnitTests.Retrieval.AnnBatchScorerTests;

namespace AIaaS.Engine.UnitTests.Retrieval;

/// <summary>The index as the model store keeps it: written once at training, read back by every silo.</summary>
public sealed class ItemIndexBytesTests
{
    private const int K = 16;

    [Fact]
    public void FromBytes_BytesOfABuiltIndex_SearchesAsTheBuiltIndexDoes()
    {
        var random = new Random(21);
        var model = Planted(random, version: 4, 3000);
        // A small expansion makes searches approximate enough that one taken from another setting would differ.
        var options = new AnnOptions { ExpansionSearch = 4 };
        using var built = ItemIndex.Build(model, options);
        using var loaded = ItemIndex.FromBytes(built.ToBytes(), model, options);
        var users = Users(random, model, 50);

        Assert.Equal(3000, loaded.Items);
        Assert.Equal(4, loaded.ModelVersion);
        for (int u = 0; u < 50; u++)
        {
            var expected = new int[10];
            var actual = new int[10];
            var user = users.AsSpan(u * K, K);
            Assert.Equal(built.Search(user, expected), loaded.Search(user, actual));
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void Build_AnyThreads_HoldsEveryItemAndFindsTheExactTopItems(int threads)
    {
        var random = new Random(25);
        var model = Planted(random, version: 1, 5000);
        var users = Users(random, model, 100);

        using var index = ItemIndex.Build(model, new AnnOptions { Threads = threads });

        Assert.Equal(5000, index.Items);
        double hits = 0;
        var top = new int[10];
        for (int u = 0; u < 100; u++)
        {
            var user = users.AsSpan(u * K, K);
            index.Search(user, top);
            hits += top.Intersect(ExactTop(model, user, 10)).Count();
        }

        Assert.True(hits / 1000 >= 0.95, $"recall@10 {hits / 1000:F3}");
    }

    private static int[] ExactTop(ModelSnapshot model, ReadOnlySpan<float> user, int count)
    {
        var scores = new float[model.ItemCount];
        for (int i = 0; i < model.ItemCount; i++) scores[i] = System.Numerics.Tensors.TensorPrimitives.Dot(user, model.ItemFactors.AsSpan(i * K, K));
        return [.. Enumerable.Range(0, model.ItemCount).OrderByDescending(i => scores[i]).Take(count)];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    public void FromBytes_AnyExpansionSearch_SearchesWithTheOptionsNotTheLibraryDefault(int expansion)
    {
        var random = new Random(22);
        var model = Planted(random, version: 1, 500);
        using var built = ItemIndex.Build(model, new AnnOptions());

        using var loaded = ItemIndex.FromBytes(built.ToBytes(), model, new AnnOptions { ExpansionSearch = expansion });

        Assert.Equal(64, built.ExpansionSearch);
        Assert.Equal(expansion, loaded.ExpansionSearch);
    }

    [Fact]
    public void FromBytes_IndexOfALargerCatalogOrOtherFactors_ThrowsInvalidDataException()
    {
        var random = new Random(23);
        var model = Planted(random, version: 1, 800);
        using var built = ItemIndex.Build(model, new AnnOptions());
        var bytes = built.ToBytes();

        var smaller = Assert.Throws<InvalidDataException>(() => ItemIndex.FromBytes(bytes, Planted(random, version: 1, 799), new AnnOptions()));
        Assert.Contains("800 items", smaller.Message, StringComparison.Ordinal);
        var ids = Enumerable.Range(0, 800).Select(i => $"i{i}").ToArray();
        var other = new ModelSnapshot(1, DateTimeOffset.UnixEpoch, new AlsOptions { Factors = 8 }, ids, new float[800 * 8],
            new float[64], new float[64], 0, [], new Dictionary<string, double>());
        Assert.Throws<InvalidDataException>(() => ItemIndex.FromBytes(bytes, other, new AnnOptions()));
    }

    [Fact]
    public void FromBytes_NotAnIndex_ThrowsInvalidDataException()
    {
        var model = Planted(new Random(24), version: 1, 100);

        Assert.Throws<InvalidDataException>(() => ItemIndex.FromBytes("not an index, just bytes"u8.ToArray(), model, new AnnOptions()));
        Assert.Throws<InvalidDataException>(() => ItemIndex.FromBytes([], model, new AnnOptions()));
    }
}
