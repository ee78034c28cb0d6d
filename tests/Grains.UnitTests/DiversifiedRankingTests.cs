using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;
using AIaaS.Grains.UnitTests.Inference;
using AIaaS.Grains.Users;

namespace AIaaS.Grains.UnitTests;

public sealed class DiversifiedRankingTests
{
    private static readonly LoadedModel Model = new(TestModels.Create(2, seed: 11));

    private static ImmutableArray<RecommendedItem> Ranked(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new RecommendedItem($"v2-i{i}", 1.0 - (i * 0.01), "recommended for you"))];

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(20)]
    public void Apply_ShallowPage_PicksWhatTheFullOrderingPicksFirst(int depth)
    {
        var ranked = Ranked(70);
        var full = DiversifiedRanking.Apply(ranked, Model, 0.5f, ranked.Length);
        var shallow = DiversifiedRanking.Apply(ranked, Model, 0.5f, depth);

        Assert.Equal(full.Take(depth).Select(r => r.ItemId), shallow.Take(depth).Select(r => r.ItemId));
        Assert.NotEqual(ranked.Take(20).Select(r => r.ItemId), full.Take(20).Select(r => r.ItemId));
    }

    [Fact]
    public void Apply_ShallowPage_KeepsEveryItemOnceWithTheUnpickedPoolInRankedOrder()
    {
        var ranked = Ranked(70);
        var shallow = DiversifiedRanking.Apply(ranked, Model, 0.5f, 5);

        Assert.Equal(ranked.Select(r => r.ItemId).Order(StringComparer.Ordinal), shallow.Select(r => r.ItemId).Order(StringComparer.Ordinal));
        var picked = shallow.Take(5).Select(r => r.ItemId).ToHashSet();
        Assert.Equal(ranked.Take(50).Where(r => !picked.Contains(r.ItemId)).Select(r => r.ItemId), shallow.Skip(5).Take(45).Select(r => r.ItemId));
        Assert.Equal(ranked.Skip(50).Select(r => r.ItemId), shallow.Skip(50).Select(r => r.ItemId));
    }
}
