using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

/// <summary>The body of GET /v1/users/{userId}: recent history (oldest first), items seen and counts per event type, in the words of POST /v1/events.</summary>
internal sealed record UserResponse(string UserId, IReadOnlyList<EventDto> History, int SeenItems, IReadOnlyDictionary<string, long> Counts)
{
    public static UserResponse From(UserProfile profile) => new(
        profile.UserId,
        [.. profile.RecentHistory.Select(e => new EventDto(e.UserId, e.ItemId, EventMapping.WireName(e.Type), e.Value, e.Timestamp))],
        profile.SeenItems,
        profile.CountsByType.ToDictionary(pair => EventMapping.WireName(pair.Key), pair => pair.Value));
}
