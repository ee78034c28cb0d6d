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
