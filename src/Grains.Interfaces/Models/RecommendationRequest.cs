using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// How many items to recommend, from which position of the ranking (<see cref="Offset"/>, for paging), items the
/// caller wants left out, the categories and tags the items must have, and how much to trade relevance for a more
/// varied list (<see cref="Diversity"/>: the MMR weight λ in [0, 1]; null takes the engine's configured default).
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.RecommendationRequest")]
public sealed record RecommendationRequest(
    [property: Id(0)] int Count,
    [property: Id(1)] ImmutableArray<string> Exclude,
    [property: Id(2)] int Offset = 0,
    [property: Id(3)] ItemFilter? Filter = null,
    [property: Id(4)] float? Diversity = null)
{
    /// <summary>The first <paramref name="count"/> items, unfiltered, excluding nothing.</summary>
    public static RecommendationRequest Top(int count) => new(count, []);

    /// <summary>The filter, never null.</summary>
    public ItemFilter Items => Filter ?? ItemFilter.None;

    /// <summary>How many ranked items the request needs before the offset is skipped.</summary>
    public int Depth => Offset + Count;
}
