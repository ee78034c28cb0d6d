namespace AIaaS.Grains.Interfaces.Models;

/// <summary>An item in a recommendation or similar-items list, with the reason it is there.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.RecommendedItem")]
public sealed record RecommendedItem(
    [property: Id(0)] string ItemId,
    [property: Id(1)] double Score,
    [property: Id(2)] string Reason);
