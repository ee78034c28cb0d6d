using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Users;

/// <summary>
/// One event of a user's bounded history, held inline in the history's array: no copy of the user id (the grain is
/// the user), no event id (the log de-duplicates), and the item id shared with every other user's entries
/// (<see cref="SharedItemIds"/>). A logged event costs about 170 bytes of heap in its objects and strings; an entry
/// about 48.
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.HistoryEntry")]
public readonly record struct HistoryEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string ItemId,
    [property: Id(2)] EventType Type,
    [property: Id(3)] float? Value,
    [property: Id(4)] DateTimeOffset Timestamp)
{
    /// <summary>The entry of an acknowledged event, its item id shared.</summary>
    public static HistoryEntry Of(LoggedEvent logged)
    {
        ArgumentNullException.ThrowIfNull(logged);
        var e = logged.Event;
        return new HistoryEntry(logged.Sequence, SharedItemIds.Of(e.ItemId), e.Type, e.Value, e.Timestamp);
    }

    /// <summary>The event again, as <paramref name="userId"/>'s (without the event id, which the history does not keep).</summary>
    public InteractionEvent ToEvent(string userId) => new(userId, ItemId, Type, Value, Timestamp);
}
