using System.Collections.Immutable;

namespace AIaaS.Grains.Storage;

/// <summary>
/// The API keys the HTTP API accepts beside the configured admin key, shared by every silo. A key is looked up by
/// its hash on every request, so a removal takes effect on every silo at once.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key. Ids and hashes are random and unique; a clash throws and stores nothing.</summary>
    Task AddAsync(StoredApiKey key, CancellationToken cancellationToken);

    /// <summary>The key with this SHA-256 hash, or null when no such key is stored (never issued, or removed).</summary>
    Task<StoredApiKey?> FindAsync(ImmutableArray<byte> hash, CancellationToken cancellationToken);

    /// <summary>Every stored key, oldest first.</summary>
    Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes the key; false when no key has this id.</summary>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Moves each key's last-used time forward to the use's time (never back); removed keys are skipped.</summary>
    Task RecordUsesAsync(IReadOnlyCollection<ApiKeyUse> uses, CancellationToken cancellationToken);
}
