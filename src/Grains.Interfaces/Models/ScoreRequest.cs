using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>Score one user vector against a model version's items; <see cref="Exclude"/> holds dense item indices to leave out.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ScoreRequest")]
public sealed record ScoreRequest(
    [property: Id(0)] long ModelVersion,
    [property: Id(1)] ImmutableArray<float> UserVector,
    [property: Id(2)] int Count,
    [property: Id(3)] ImmutableArray<int> Exclude);
