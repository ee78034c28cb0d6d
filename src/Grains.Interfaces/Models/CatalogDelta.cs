using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>What changed in the catalog since the model was trained: new items' vectors and live windows. <see cref="Revision"/> grows on every change.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.CatalogDelta")]
public sealed record CatalogDelta(
    [property: Id(0)] long Revision,
    [property: Id(1)] ImmutableArray<NewItemVector> NewItems,
    [property: Id(2)] ImmutableArray<LiveWindow> LiveWindows);
