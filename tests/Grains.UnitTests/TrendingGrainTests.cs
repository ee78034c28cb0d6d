using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.UnitTests;

[Collection(ClusterCollection.Name)]
public sealed class TrendingGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ReportAsync_TwoSilos_MergesBestScorePerItemInOrder()
    {
        var grain = fixture.Client.GetGrain<ITrendingGrain>(77);

        await grain.ReportAsync("silo-a", [new ItemScore("x", 5), new ItemScore("y", 1)]);
        var merged = await grain.ReportAsync("silo-b", [new ItemScore("y", 9), new ItemScore("z", 3)]);

        Assert.Equal(["y", "x", "z"], merged.Select(s => s.ItemId));
        Assert.Equal(9, merged[0].LogScore);
    }

    [Fact]
    public async Task ReportAsync_SameSiloAgain_ReplacesItsEarlierReport()
    {
        var grain = fixture.Client.GetGrain<ITrendingGrain>(78);

        await grain.ReportAsync("silo-a", [new ItemScore("old", 5)]);
        var merged = await grain.ReportAsync("silo-a", [new ItemScore("new", 1)]);

        Assert.Equal(["new"], merged.Select(s => s.ItemId));
    }
}
