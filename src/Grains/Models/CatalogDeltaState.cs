using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Models;

[GenerateSerializer, Alias("AIaaS.CatalogDeltaState")]
public sealed class CatalogDeltaState
{
    /// <summary>Live windows are metadata the application gave: kept. New-item vectors are derived and rebuilt by item grains.</summary>
    [Id(0)]
    public Dictionary<string, LiveWindow> LiveWindows { get; set; } = new(StringComparer.Ordinal);
}
