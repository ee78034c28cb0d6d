using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Models;

/// <summary>
/// Holds the catalog's changes between trainings. Low volume by construction: an item writes here at most once
/// per interval when it gains or refines a vector, and whenever its live window changes; silos poll it once per
/// interval. Every change is saved; revisions of one activation start above those of all earlier ones.
/// </summary>
public sealed class CatalogDeltaGrain(
    [PersistentState("catalog-delta")] IPersistentState<CatalogDeltaState> state) : Grain, ICatalogDeltaGrain
{
    private const int EpochShift = 32;
    private long _revision;
    private CatalogDelta? _cached;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state.State.Epoch++;
        await state.WriteStateAsync(cancellationToken);
        _revision = state.State.Epoch << EpochShift;
    }

    public async ValueTask PublishNewItemAsync(NewItemVector item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var items = state.State.NewItems;
        if (!items.TryGetValue(item.ItemId, out var known) || known.ModelVersion <= item.ModelVersion)
        {
            items[item.ItemId] = item;
            await state.WriteStateAsync();
            Changed();
        }
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

        _cached ??= new CatalogDelta(_revision, [.. state.State.NewItems.Values], [.. state.State.LiveWindows.Values]);
        return ValueTask.FromResult<CatalogDelta?>(_cached);
    }

    private void Changed()
    {
        _revision++;
        _cached = null;
    }
}
