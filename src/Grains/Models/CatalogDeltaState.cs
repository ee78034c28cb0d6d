using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Models;

[GenerateSerializer, Alias("AIaaS.CatalogDeltaState")]
public sealed class CatalogDeltaState
{
    /// <summary>Live windows are metadata the application gave.</summary>
    [Id(0)]
    public Dictionary<string, LiveWindow> LiveWindows { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Vectors folded in for items the model does not know, so that they stay recommendable across a restart.</summary>
    [Id(1)]
    public Dictionary<string, NewItemVector> NewItems { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counts activations: revisions start above every revision of earlier activations, so a silo's cached one never collides.</summary>
    [Id(2)]
    public long Epoch { get; set; }
}
