using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// Score one vector against a model version's items; <see cref="Exclude"/> holds dense item indices to leave out,
/// <see cref="Filter"/> the categories and tags the items must have (applied inside scoring, with eligibility).
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ScoreRequest")]
public sealed record ScoreRequest(
    [property: Id(0)] long ModelVersion,
    [property: Id(1)] ImmutableArray<float> UserVector,
    [property: Id(2)] int Count,
    [property: Id(3)] ImmutableArray<int> Exclude,
    [property: Id(4)] ItemFilter? Filter = null);
