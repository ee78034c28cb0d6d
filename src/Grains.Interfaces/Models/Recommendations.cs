using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>A user's recommendations. <see cref="ModelVersion"/> is null while no trained model scored them.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.Recommendations")]
public sealed record Recommendations(
    [property: Id(0)] string UserId,
    [property: Id(1)] long? ModelVersion,
    [property: Id(2)] ImmutableArray<RecommendedItem> Items);
