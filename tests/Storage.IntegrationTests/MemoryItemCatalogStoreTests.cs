using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.Memory;

namespace AIaaS.Storage.IntegrationTests;

public sealed class MemoryItemCatalogStoreTests : ItemCatalogStoreContract
{
    protected override Task<IItemCatalogStore> OpenAsync() => Task.FromResult<IItemCatalogStore>(new MemoryItemCatalogStore(Clock));
}
