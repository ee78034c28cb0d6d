namespace AIaaS.Grains.Interfaces.Models;

/// <summary>An item as the catalog and its live counters know it; <see cref="Metadata"/> is null for an item known only from events.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ItemDetails")]
public sealed record ItemDetails(
    [property: Id(0)] string ItemId,
    [property: Id(1)] ItemMetadata? Metadata,
    [property: Id(2)] long Interactions,
    [property: Id(3)] DateTimeOffset? UpdatedAt);
