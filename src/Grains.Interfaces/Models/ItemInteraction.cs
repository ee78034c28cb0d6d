using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// What a user grain tells an item grain about one consumption: its weight, when it happened, the
/// items the same user consumed just before (for co-occurrence), and, for an item the model does not
/// know, the user's vector in model <see cref="ModelVersion"/> (to fold the item in).
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ItemInteraction")]
public sealed record ItemInteraction(
    [property: Id(0)] double Weight,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] ImmutableArray<string> CoItems)
{
    /// <summary>The user's vector in model <see cref="ModelVersion"/>, for an item the model does not know; empty otherwise.</summary>
    [Id(3)]
    public ImmutableArray<float> UserVector { get; init; } = [];

    /// <summary>The model version <see cref="UserVector"/> belongs to.</summary>
    [Id(4)]
    public long ModelVersion { get; init; }

    /// <summary>Whose <see cref="UserVector"/> it is, so that an erasure can take it back.</summary>
    [Id(5)]
    public string? UserId { get; init; }
}
