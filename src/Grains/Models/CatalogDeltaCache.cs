using System.Collections.Frozen;
using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Models;

/// <summary>
/// This silo's copy of the catalog delta, replaced whole by the model catalog refresher. Windows that have ended
/// leave the scanned list for a set that is only looked up (their items are never recommended again), so the work
/// a request does grows with the items live now, not with every window ever set.
/// </summary>
public sealed class CatalogDeltaCache(TimeProvider time)
{
    private volatile Snapshot _current = Snapshot.Empty;

    public long Revision => _current.Revision;

    public void Replace(CatalogDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        _current = Snapshot.Of(delta.Revision, delta.NewItems, delta.LiveWindows, time.GetUtcNow());
    }

    /// <summary>New items with vectors in <paramref name="modelVersion"/>.</summary>
    public IEnumerable<NewItemVector> NewItems(long modelVersion) => _current.NewItems.Where(item => item.ModelVersion == modelVersion);

    /// <summary>The windows that had not ended when the delta was last refreshed (or since split): the ones a request scans for boosts.</summary>
    public IReadOnlyDictionary<string, LiveWindow> LiveWindows => Current(time.GetUtcNow()).Open;

    /// <summary>Items whose window has ended: never recommended.</summary>
    public FrozenSet<string> Ended(DateTimeOffset now) => Current(now).Ended;

    /// <summary>Whether the item's live window has ended: such an item is never recommended.</summary>
    public bool IsOver(string itemId, DateTimeOffset now)
    {
        var current = Current(now);
        return current.Ended.Contains(itemId) || (current.Open.TryGetValue(itemId, out var window) && window.Until is { } until && until <= now);
    }

    /// <summary>Whether the item is inside its live window now.</summary>
    public bool IsLive(string itemId, DateTimeOffset now) =>
        Current(now).Open.TryGetValue(itemId, out var window) && (window.From is null || window.From <= now) && (window.Until is null || now < window.Until);

    /// <summary>The snapshot, with windows that ended since it was made moved to the ended set (rarely: at most once per ending).</summary>
    private Snapshot Current(DateTimeOffset now)
    {
        var current = _current;
        if (now < current.NextEnding)
        {
            return current;
        }

        var split = Snapshot.Of(current.Revision, current.NewItems, [.. current.Open.Values], now, current.Ended);
        _current = split;
        return split;
    }

    private sealed record Snapshot(long Revision, ImmutableArray<NewItemVector> NewItems, FrozenDictionary<string, LiveWindow> Open, FrozenSet<string> Ended, DateTimeOffset NextEnding)
    {
        public static readonly Snapshot Empty = new(0, [], FrozenDictionary<string, LiveWindow>.Empty, FrozenSet<string>.Empty, DateTimeOffset.MaxValue);

        public static Snapshot Of(long revision, ImmutableArray<NewItemVector> newItems, ImmutableArray<LiveWindow> windows, DateTimeOffset now, FrozenSet<string>? ended = null)
        {
            var open = new Dictionary<string, LiveWindow>(StringComparer.Ordinal);
            var over = new HashSet<string>(ended ?? FrozenSet<string>.Empty, StringComparer.Ordinal);
            var next = DateTimeOffset.MaxValue;
            foreach (var window in windows)
            {
                if (window.Until is { } until && until <= now)
                {
                    over.Add(window.ItemId);
                    continue;
                }

                over.Remove(window.ItemId);
                open[window.ItemId] = window;
                if (window.Until is { } ends && ends < next)
                {
                    next = ends;
                }
            }

            return new Snapshot(revision, newItems, open.ToFrozenDictionary(StringComparer.Ordinal), over.ToFrozenSet(StringComparer.Ordinal), next);
        }
    }
}
