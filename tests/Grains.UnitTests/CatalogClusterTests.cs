using AIaaS.Grains.Catalog;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AIaaS.Grains.UnitTests;

/// <summary>Catalog changes made through any silo reach every silo's copy at its next read of the store.</summary>
public sealed class CatalogClusterTests
{
    [Fact]
    public async Task HideThenDelete_ThroughOneSilo_EverySiloLeavesTheItemOutAfterItsNextRead()
    {
        await using var cluster = await TestClusters.StartAsync(2, _ => { });
        var item = Events.NewId("i");
        var grain = cluster.Client.GetGrain<IItemGrain>(item);
        var catalogs = cluster.Silos.Select(silo => silo.ServiceProvider.GetRequiredService<ItemCatalog>()).ToList();

        async Task ReadEverywhereAsync()
        {
            foreach (var silo in cluster.Silos)
            {
                await silo.ServiceProvider.GetRequiredService<ItemCatalogRefresher>().RefreshAsync();
            }
        }

        await grain.UpsertAsync(new ItemMetadata("show", [], null, null, ["drama"]));
        await ReadEverywhereAsync();
        var listed = catalogs.Select(c => c.Allows(item, new ItemFilter(["drama"], []), DateTimeOffset.UtcNow)).ToList();
        await grain.UpsertAsync(new ItemMetadata("show", [], null, null, ["drama"], Hidden: true));
        await ReadEverywhereAsync();
        var hidden = catalogs.Select(c => c.Allows(item, ItemFilter.None, DateTimeOffset.UtcNow)).ToList();
        await grain.DeleteAsync();
        await ReadEverywhereAsync();

        Assert.All(listed, Assert.True);
        Assert.All(hidden, Assert.False);
        Assert.All(catalogs, c => Assert.False(c.Allows(item, ItemFilter.None, DateTimeOffset.UtcNow)));
        Assert.All(catalogs, c => Assert.Null(c.Get(item)));
    }
}
