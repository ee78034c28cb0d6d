using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.Memory;

namespace AIaaS.Storage.IntegrationTests;

public sealed class MemoryApiKeyStoreTests : ApiKeyStoreContract
{
    protected override Task<IApiKeyStore> OpenAsync() => Task.FromResult<IApiKeyStore>(new MemoryApiKeyStore());
}
