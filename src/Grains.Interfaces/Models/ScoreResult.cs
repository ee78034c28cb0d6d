using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>The best items for a request, best first, as dense indices of the model version that scored them.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ScoreResult")]
public sealed record ScoreResult(
    [property: Id(0)] long ModelVersion,
    [property: Id(1)] ImmutableArray<int> Items,
    [property: Id(2)] ImmutableArray<float> Scores);
