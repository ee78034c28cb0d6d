using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>An item the model version does not know, with a vector folded in from the users who consumed it.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.NewItemVector")]
public sealed record NewItemVector(
    [property: Id(0)] string ItemId,
    [property: Id(1)] long ModelVersion,
    [property: Id(2)] ImmutableArray<float> Vector);
