using System.Collections.Concurrent;
using AIaaS.Grains.Storage;

namespace AIaaS.Silo.Security;

/// <summary>
/// The latest use of each stored key seen by this silo since the last flush: recording a use is a dictionary write,
/// so the request path never writes to the database; <see cref="ApiKeyUsageFlusher"/> stores them in the background.
/// </summary>
internal sealed class ApiKeyUsage
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);

    public void Record(string id, DateTimeOffset at) =>
        _pending.AddOrUpdate(id, at, (_, seen) => at > seen ? at : seen);

    /// <summary>The pending use of <paramref name="id"/>, if this silo saw one since the last flush.</summary>
    public DateTimeOffset? Pending(string id) => _pending.TryGetValue(id, out var at) ? at : null;

    /// <summary>Takes every pending use; a use recorded meanwhile stays for the next flush.</summary>
    public IReadOnlyList<ApiKeyUse> Drain()
    {
        var uses = new List<ApiKeyUse>(_pending.Count);
        foreach (var (id, at) in _pending)
        {
            if (_pending.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, at)))
            {
                uses.Add(new ApiKeyUse(id, at));
            }
        }

        return uses;
    }

    /// <summary>Puts back uses whose flush failed, unless a later use came meanwhile.</summary>
    public void Restore(IEnumerable<ApiKeyUse> uses)
    {
        foreach (var use in uses)
        {
            Record(use.Id, use.At);
        }
    }
}
