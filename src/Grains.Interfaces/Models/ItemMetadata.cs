using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// What an application tells about an item. The live window bounds when a live event is boosted (and ends its
/// recommendation); the availability window, <see cref="Hidden"/> and deletion decide whether it may be
/// recommended at all; categories and tags are what requests filter on and what the content map learns from.
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ItemMetadata")]
public sealed record ItemMetadata(
    [property: Id(0)] string? Title,
    [property: Id(1)] ImmutableArray<string> Tags,
    [property: Id(2)] DateTimeOffset? LiveFrom,
    [property: Id(3)] DateTimeOffset? LiveUntil,
    [property: Id(4)] ImmutableArray<string> Categories = default,
    [property: Id(5)] bool Hidden = false,
    [property: Id(6)] DateTimeOffset? AvailableFrom = null,
    [property: Id(7)] DateTimeOffset? AvailableUntil = null)
{
    /// <summary>Whether the item may be recommended at <paramref name="now"/>: not hidden, inside its availability window, its live window not ended.</summary>
    public bool IsEligible(DateTimeOffset now) =>
        !Hidden
        && (AvailableFrom is null || AvailableFrom <= now)
        && (AvailableUntil is null || now < AvailableUntil)
        && (LiveUntil is null || now < LiveUntil);
}
