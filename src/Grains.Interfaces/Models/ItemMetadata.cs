using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>What an application tells about an item; the live window bounds when a live event may be recommended.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ItemMetadata")]
public sealed record ItemMetadata(
    [property: Id(0)] string? Title,
    [property: Id(1)] ImmutableArray<string> Tags,
    [property: Id(2)] DateTimeOffset? LiveFrom,
    [property: Id(3)] DateTimeOffset? LiveUntil);
