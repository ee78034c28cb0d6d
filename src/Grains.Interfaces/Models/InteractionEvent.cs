namespace AIaaS.Grains.Interfaces.Models;

/// <summary>One interaction of a user with an item. <see cref="Value"/> is required for ratings (1–5), optional otherwise.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.InteractionEvent")]
public sealed record InteractionEvent(
    [property: Id(0)] string UserId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] EventType Type,
    [property: Id(3)] float? Value,
    [property: Id(4)] DateTimeOffset Timestamp);
