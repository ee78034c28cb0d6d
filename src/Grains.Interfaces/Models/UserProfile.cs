using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>What a user grain holds: the bounded recent history (oldest first), the seen set size and counts per event type.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] string UserId,
    [property: Id(1)] ImmutableArray<InteractionEvent> RecentHistory,
    [property: Id(2)] int SeenItems,
    [property: Id(3)] ImmutableDictionary<EventType, long> CountsByType);
