namespace AIaaS.Grains.Interfaces.Models;

/// <summary>One interaction of a user with an item. <see cref="Value"/> is required for ratings (1–5), optional otherwise.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.InteractionEvent")]
public sealed record InteractionEvent(
    [property: Id(0)] string UserId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] EventType Type,
    [property: Id(3)] float? Value,
    [property: Id(4)] DateTimeOffset Timestamp)
{
    /// <summary>
    /// The sender's id for this event (1–128 characters), unique per user: an event whose (user, event id) the log
    /// already holds is acknowledged again but stored and applied once, so a retried batch is never counted twice.
    /// Null: the event is always new.
    /// </summary>
    [Id(5)]
    public string? EventId { get; init; }
}
