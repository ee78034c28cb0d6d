using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.Memory;

namespace AIaaS.Storage.IntegrationTests;

public sealed class MemoryInteractionLogStoreTests : InteractionLogStoreContract
{
    protected override Task<IInteractionLogStore> OpenAsync() => Task.FromResult<IInteractionLogStore>(new MemoryInteractionLogStore());
}
