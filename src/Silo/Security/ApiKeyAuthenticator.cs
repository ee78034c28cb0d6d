using System.Collections.Immutable;
using AIaaS.Grains.Security;
using AIaaS.Grains.Storage;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Security;

/// <summary>
/// Checks a presented key: against the configured admin key, then by its hash in the key store, on every request,
/// so a key removed on one silo is refused by every silo from the next request on.
/// </summary>
internal sealed class ApiKeyAuthenticator(IOptions<AuthOptions> options, IApiKeyStore store, ApiKeyUsage usage, TimeProvider time)
{
    private readonly ImmutableArray<byte> _adminHash = options.Value.Enabled ? ApiKeyHash.Of(options.Value.AdminKey!) : [];

    public bool Enabled => options.Value.Enabled;

    public async Task<KeyCheck> CheckAsync(PresentedKey presented, CancellationToken cancellationToken)
    {
        if (presented.Problem is { } malformed)
        {
            return KeyCheck.Refused(malformed);
        }

        if (presented.Key is not { } key)
        {
            return KeyCheck.Missing;
        }

        var hash = ApiKeyHash.Of(key);
        if (ApiKeyHash.Same(hash, _adminHash))
        {
            return KeyCheck.Valid(KeyCheck.AdminKeyId, ApiScope.Admin);
        }

        if (await store.FindAsync(hash, cancellationToken) is { } stored && ApiKeyHash.Same(hash, stored.Hash))
        {
            usage.Record(stored.Id, time.GetUtcNow());
            return KeyCheck.Valid(stored.Id, stored.Scope);
        }

        return KeyCheck.Refused("The API key is not known: it was never issued, or it was revoked.");
    }
}
