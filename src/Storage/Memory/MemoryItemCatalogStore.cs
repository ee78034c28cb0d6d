using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Shared;

namespace AIaaS.Storage.Memory;

/// <summary>
/// The item catalog in process memory, for tests and for <c>AIaaS:Storage:Provider=Memory</c>: lost with the process.
/// One instance serves every silo of an in-process test cluster, as one database would; changes take one lock, so
/// revisions are handed out in the order the changes become visible, as the databases' are.
/// </summary>
public sealed class MemoryItemCatalogStore(TimeProvider? time = null) : IItemCatalogStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CatalogEntry> _items = new(StringComparer.Ordinal);

    // Each item's row once, under the revision of its last change.
    private readonly SortedList<long, CatalogEntry> _changes = [];
    private long _revision;

    public Task<long> UpsertAsync(string itemId, ItemMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentNullException.ThrowIfNull(metadata);
        var normalized = CatalogMetadataCodec.Normalize(metadata);
        lock (_lock)
        {
            return Task.FromResult(Change(itemId, normalized));
        }
    }

    public Task<long?> DeleteAsync(string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        lock (_lock)
        {
            return Task.FromResult(_items.TryGetValue(itemId, out var entry) && !entry.IsDeleted ? Change(itemId, null) : (long?)null);
        }
    }

    public Task<CatalogEntry?> GetAsync(string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        lock (_lock)
        {
            return Task.FromResult(_items.GetValueOrDefault(itemId));
        }
    }

    public Task<CatalogPage> ReadChangesAsync(long afterRevision, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_lock)
        {
            var first = FirstAfter(afterRevision);
            var count = Math.Min(max, _changes.Count - first);
            var entries = ImmutableArray.CreateBuilder<CatalogEntry>(count);
            for (var i = first; i < first + count; i++)
            {
                entries.Add(_changes.GetValueAtIndex(i));
            }

            return Task.FromResult(new CatalogPage(entries.MoveToImmutable(), first + count == _changes.Count));
        }
    }

    /// <summary>Stores the item's row (a tombstone for null) under the next revision; called under the lock.</summary>
    private long Change(string itemId, ItemMetadata? metadata)
    {
        if (_items.TryGetValue(itemId, out var previous))
        {
            _changes.Remove(previous.Revision);
        }

        var entry = new CatalogEntry(++_revision, itemId, metadata, _time.GetUtcNow());
        _items[itemId] = entry;
        _changes.Add(entry.Revision, entry);
        return entry.Revision;
    }

    /// <summary>The index of the first change after <paramref name="revision"/> (the count when there is none); called under the lock.</summary>
    private int FirstAfter(long revision)
    {
        int low = 0, high = _changes.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_changes.GetKeyAtIndex(middle) <= revision)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
