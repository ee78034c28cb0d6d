using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>
/// The cluster's small set of catalog changes between trainings (key 0). Item grains write to it rarely
/// (a new item's vector, a live window); each silo reads it about once a second, never per request.
/// </summary>
[Alias("AIaaS.ICatalogDeltaGrain")]
public interface ICatalogDeltaGrain : IGrainWithIntegerKey
{
    [Alias("PublishNewItem")]
    ValueTask PublishNewItemAsync(NewItemVector item);

    [Alias("SetLiveWindow")]
    ValueTask SetLiveWindowAsync(LiveWindow window);

    /// <summary>The delta, or null when its revision is still <paramref name="knownRevision"/>.</summary>
    [Alias("GetIfChanged")]
    ValueTask<CatalogDelta?> GetIfChangedAsync(long knownRevision);
}
