namespace AIaaS.Grains.Interfaces.Models;

/// <summary>What applying a user's events means for one item; the ingest path groups these per item.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ItemUpdate")]
public sealed record ItemUpdate(
    [property: Id(0)] string ItemId,
    [property: Id(1)] ItemInteraction Interaction);
