namespace AIaaS.Silo.Api;

/// <summary>An event as the HTTP API receives it; <see cref="Type"/> is one of play, view, like, skip, rating, purchase.</summary>
internal sealed record EventDto(string? UserId, string? ItemId, string? Type, float? Value, DateTimeOffset? Timestamp);

/// <summary>The body of POST /v1/events.</summary>
internal sealed record EventsRequest(List<EventDto?>? Events);

internal sealed record EventsAccepted(int Accepted);
