using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>How many items to recommend, and items the caller wants left out.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.RecommendationRequest")]
public sealed record RecommendationRequest(
    [property: Id(0)] int Count,
    [property: Id(1)] ImmutableArray<string> Exclude)
{
    public static RecommendationRequest Top(int count) => new(count, []);
}
