using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.UnitTests.Models;

[Collection(ClusterCollection.Name)]
public sealed class CatalogDeltaGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GetIfChangedAsync_AfterReactivation_NewRevisionAndNewItemVectorsKept()
    {
        var grain = fixture.Client.GetGrain<ICatalogDeltaGrain>(0);
        var item = Events.NewId("new-item");
        await grain.PublishNewItemAsync(new NewItemVector(item, 1, [1f, 2f]));
        var before = (await grain.GetIfChangedAsync(-1))!;

        await fixture.Cluster.DeactivateAsync(grain);
        var after = (await grain.GetIfChangedAsync(before.Revision))!;

        // A silo that cached the old revision must see a change, and the vector must still be there.
        Assert.NotNull(after);
        Assert.True(after.Revision > before.Revision);
        Assert.Equal([1f, 2f], after.NewItems.Single(v => v.ItemId == item).Vector.ToArray());
    }
}
