using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Models;

/// <summary>This silo's copy of the catalog delta, replaced whole by the model catalog refresher.</summary>
public sealed class CatalogDeltaCache
{
    private volatile Snapshot _current = new(0, [], new Dictionary<string, LiveWindow>(StringComparer.Ordinal));

    public long Revision => _current.Revision;

    public void Replace(CatalogDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var windows = new Dictionary<string, LiveWindow>(StringComparer.Ordinal);
        foreach (var window in delta.LiveWindows)
        {
            windows[window.ItemId] = window;
        }

        _current = new Snapshot(delta.Revision, delta.NewItems, windows);
    }

    /// <summary>New items with vectors in <paramref name="modelVersion"/>.</summary>
    public IEnumerable<NewItemVector> NewItems(long modelVersion) => _current.NewItems.Where(item => item.ModelVersion == modelVersion);

    public IReadOnlyDictionary<string, LiveWindow> LiveWindows => _current.LiveWindows;

    /// <summary>Whether the item's live window has ended: such an item is never recommended.</summary>
    public bool IsOver(string itemId, DateTimeOffset now) =>
        _current.LiveWindows.TryGetValue(itemId, out var window) && window.Until is { } until && until <= now;

    /// <summary>Whether the item is inside its live window now.</summary>
    public bool IsLive(string itemId, DateTimeOffset now) =>
        _current.LiveWindows.TryGetValue(itemId, out var window) && (window.From is null || window.From <= now) && (window.Until is null || now < window.Until);

    private sealed record Snapshot(long Revision, System.Collections.Immutable.ImmutableArray<NewItemVector> NewItems, Dictionary<string, LiveWindow> LiveWindows);
}
