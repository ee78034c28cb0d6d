using System.Collections.Immutable;
using AIaaS.Grains.Storage;

namespace AIaaS.Storage.Memory;

/// <summary>API keys in process memory, for tests and <c>AIaaS:Storage:Provider=Memory</c>: lost with the process.</summary>
public sealed class MemoryApiKeyStore : IApiKeyStore
{
    private readonly Lock _lock = new();
    private readonly List<StoredApiKey> _keys = [];

    public Task AddAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            if (_keys.Exists(k => k.Id == key.Id || k.Hash.AsSpan().SequenceEqual(key.Hash.AsSpan())))
            {
                throw new InvalidOperationException($"An API key with id '{key.Id}' or the same hash is stored already.");
            }

            _keys.Add(key);
        }

        return Task.CompletedTask;
    }

    public Task<StoredApiKey?> FindAsync(ImmutableArray<byte> hash, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_keys.Find(k => k.Hash.AsSpan().SequenceEqual(hash.AsSpan())));
        }
    }

    public Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<StoredApiKey>>([.. _keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)]);
        }
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_keys.RemoveAll(k => k.Id == id) > 0);
        }
    }

    public Task RecordUsesAsync(IReadOnlyCollection<ApiKeyUse> uses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uses);
        lock (_lock)
        {
            foreach (var use in uses)
            {
                var index = _keys.FindIndex(k => k.Id == use.Id);
                if (index >= 0 && !(_keys[index].LastUsedAt >= use.At))
                {
                    _keys[index] = _keys[index] with { LastUsedAt = use.At };
                }
            }
        }

        return Task.CompletedTask;
    }
}
