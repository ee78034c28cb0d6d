using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AIaaS.Silo.IntegrationTests;

[Collection(SiloCollection.Name)]
public sealed class CatalogWiringTests(SiloFactory factory)
{
    [Fact]
    public async Task Services_EmbeddedDefault_ItemCatalogInTheSqliteDatabase()
    {
        var catalog = factory.Services.GetRequiredService<IItemCatalogStore>();
        var itemId = $"wiring-{Guid.NewGuid():N}";

        var revision = await catalog.UpsertAsync(itemId, new ItemMetadata("Wired", ["t"], null, null), CancellationToken.None);

        Assert.IsType<SqliteItemCatalogStore>(catalog);
        Assert.Equal(revision, (await catalog.GetAsync(itemId, CancellationToken.None))?.Revision);
    }
}
