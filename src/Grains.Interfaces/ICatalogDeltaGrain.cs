using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>
/// The cluster's small set of catalog changes between trainings (key 0). Item grains write to it rarely
/// (a new item's vector, a live window); each silo reads it about once a second, never per request.
/// </summary>
[Alias("AIaaS.ICatalogDeltaGrain")]
public interface ICatalogDeltaGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a new item's folded-in vector, so every silo can score it before the next training.</summary>
    [Alias("PublishNewItem")]
    ValueTask PublishNewItemAsync(NewItemVector item);

    /// <summary>Sets (or clears) the window in which an item is live and boosted.</summary>
    [Alias("SetLiveWindow")]
    ValueTask SetLiveWindowAsync(LiveWindow window);

    /// <summary>The delta, or null when its revision is still <paramref name="knownRevision"/>.</summary>
    [Alias("GetIfChanged")]
    ValueTask<CatalogDelta?> GetIfChangedAsync(long knownRevision);
}
