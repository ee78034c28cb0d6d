namespace AIaaS.Silo.Api;

/// <summary>An event as the HTTP API receives it; <see cref="Type"/> is one of play, view, like, skip, rating, purchase.</summary>
internal sealed record EventDto(string? UserId, string? ItemId, string? Type, float? Value, DateTimeOffset? Timestamp, string? EventId = null);

/// <summary>The body of POST /v1/events.</summary>
internal sealed record EventsRequest(List<EventDto?>? Events);

/// <summary>The answer of POST /v1/events: new events stored, and repeats of stored (userId, eventId) pairs, which changed nothing.</summary>
internal sealed record EventsAccepted(int Accepted, int Duplicates);
