using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

/// <summary>
/// The body of GET /v1/users/{userId}: every event the engine stores for the user (oldest first, in the words of
/// POST /v1/events), items seen, counts per event type, and whether the user has a vector in the current model.
/// </summary>
internal sealed record UserResponse(string UserId, IReadOnlyList<EventDto> History, int SeenItems, IReadOnlyDictionary<string, long> Counts, bool HasVector, long? ModelVersion)
{
    public static UserResponse From(UserProfile profile) => new(
        profile.UserId,
        [.. (profile.StoredHistory.IsDefault ? profile.RecentHistory : profile.StoredHistory)
            .Select(e => new EventDto(e.UserId, e.ItemId, EventMapping.WireName(e.Type), e.Value, e.Timestamp, e.EventId))],
        profile.SeenItems,
        profile.CountsByType.ToDictionary(pair => EventMapping.WireName(pair.Key), pair => pair.Value),
        profile.HasVector,
        profile.ModelVersion);
}
