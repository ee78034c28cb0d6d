using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Models;

/// <summary>
/// Holds the catalog's changes between trainings. Low volume by construction: an item writes here once
/// when it gains a vector and whenever its live window changes; silos poll it once per interval.
/// </summary>
public sealed class CatalogDeltaGrain(
    [PersistentState("catalog-delta")] IPersistentState<CatalogDeltaState> state) : Grain, ICatalogDeltaGrain
{
    private readonly Dictionary<string, NewItemVector> _newItems = new(StringComparer.Ordinal);
    private long _revision = 1;
    private CatalogDelta? _cached;

    public ValueTask PublishNewItemAsync(NewItemVector item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_newItems.TryGetValue(item.ItemId, out var known) || known.ModelVersion <= item.ModelVersion)
        {
            _newItems[item.ItemId] = item;
            Changed();
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask SetLiveWindowAsync(LiveWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.From is null && window.Until is null)
        {
            state.State.LiveWindows.Remove(window.ItemId);
        }
        else
        {
            state.State.LiveWindows[window.ItemId] = window;
        }

        await state.WriteStateAsync();
        Changed();
    }

    public ValueTask<CatalogDelta?> GetIfChangedAsync(long knownRevision)
    {
        if (knownRevision == _revision)
        {
            return ValueTask.FromResult<CatalogDelta?>(null);
        }

        _cached ??= new CatalogDelta(_revision, [.. _newItems.Values], [.. state.State.LiveWindows.Values]);
        return ValueTask.FromResult<CatalogDelta?>(_cached);
    }

    private void Changed()
    {
        _revision++;
        _cached = null;
    }
}
