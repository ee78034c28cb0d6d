using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// What a user grain tells an item grain about one consumption: its weight, when it happened, and the
/// items the same user consumed just before (for co-occurrence).
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ItemInteraction")]
public sealed record ItemInteraction(
    [property: Id(0)] double Weight,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] ImmutableArray<string> CoItems);
