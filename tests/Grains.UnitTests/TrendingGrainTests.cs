using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using Orleans.Core.Internal;

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

    [Fact]
    public async Task ReportAsync_AfterReactivation_StartsFromTheSavedList()
    {
        var grain = fixture.Client.GetGrain<ITrendingGrain>(79);
        await grain.ReportAsync("silo-a", [new ItemScore("x", 5), new ItemScore("y", 1)]);

        // What a whole-cluster restart does to it: the activation and every silo's report are gone.
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var restored = await grain.ReportAsync("silo-after-restart", []);
        var merged = await grain.ReportAsync("silo-after-restart", [new ItemScore("z", 3), new ItemScore("y", 9)]);

        Assert.Equal(["x", "y"], restored.Select(s => s.ItemId));
        Assert.Equal(["y", "x", "z"], merged.Select(s => s.ItemId));
    }
}
