namespace AIaaS.Grains.Interfaces.Models;

/// <summary>One interaction of an anonymous session; the same rules as a user's event, without user or event id.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.SessionEvent")]
public sealed record SessionEvent(
    [property: Id(0)] string ItemId,
    [property: Id(1)] EventType Type,
    [property: Id(2)] float? Value = null,
    [property: Id(3)] DateTimeOffset? Timestamp = null);
