using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// What the engine holds of a user: the bounded recent history the grain keeps (oldest first; without event ids, which
/// only the log keeps), the seen set size, counts per event type, whether the user has a vector in the current model,
/// and every event the log stores for the user (oldest first), which is what erasure deletes.
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] string UserId,
    [property: Id(1)] ImmutableArray<InteractionEvent> RecentHistory,
    [property: Id(2)] int SeenItems,
    [property: Id(3)] ImmutableDictionary<EventType, long> CountsByType,
    [property: Id(4)] bool HasVector = false,
    [property: Id(5)] long? ModelVersion = null,
    [property: Id(6)] ImmutableArray<InteractionEvent> StoredHistory = default);
