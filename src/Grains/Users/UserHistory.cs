using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;

namespace AIaaS.Grains.Users;

/// <summary>
/// The rules for a user's history: which logged events are new to it (by sequence, against the applied watermark,
/// the applied set and the erasure point, never against what the bounded history still holds), how they are added
/// (in sequence order, the newest kept), and what each tells its item.
/// </summary>
internal static class UserHistory
{
    /// <summary>Applies the events that are new to <paramref name="user"/>; returns the item updates they make (without vectors).</summary>
    public static List<ItemUpdate> Apply(UserState user, IEnumerable<LoggedEvent> events, EngineOptions options)
    {
        var updates = new List<ItemUpdate>();
        var outOfOrder = false;
        foreach (var logged in events)
        {
            if (logged.Sequence <= user.AppliedThrough || logged.Sequence <= user.ErasedThrough || !user.AppliedAbove.Add(logged.Sequence))
            {
                continue;
            }

            var e = logged.Event;
            updates.Add(new ItemUpdate(e.ItemId, new ItemInteraction(options.WeightOf(e), e.Timestamp, RecentItems(user.History, e.ItemId, options.CoOccurrenceWindow))));
            var entry = HistoryEntry.Of(logged);
            outOfOrder |= user.History.Count > 0 && user.History[^1].Sequence > logged.Sequence;
            user.History.Add(entry);
            user.Seen.Add(entry.ItemId);
            user.Counts[e.Type] = user.Counts.GetValueOrDefault(e.Type) + 1;
        }

        if (outOfOrder)
        {
            user.History.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        }

        var excess = user.History.Count - options.HistoryLength;
        if (excess > 0)
        {
            user.History.RemoveRange(0, excess);
        }

        return updates;
    }

    /// <summary>
    /// Brings a state read from storage to the compact form: a history saved as whole logged events becomes entries
    /// (older first, as it was kept), and every item id, in the history and the seen set, becomes the shared string.
    /// </summary>
    public static void Compact(UserState user)
    {
        if (user.LegacyRecent is { } legacy)
        {
            user.History.InsertRange(0, legacy.Select(HistoryEntry.Of));
            user.LegacyRecent = null;
        }

        var history = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(user.History);
        foreach (ref var entry in history)
        {
            entry = entry with { ItemId = SharedItemIds.Of(entry.ItemId) };
        }

        var seen = new HashSet<string>(user.Seen.Count, StringComparer.Ordinal);
        foreach (var item in user.Seen)
        {
            seen.Add(SharedItemIds.Of(item));
        }

        user.Seen = seen;
    }

    /// <summary>After reading the log to its end for this user: everything up to <paramref name="through"/> is applied.</summary>
    public static void CaughtUp(UserState user, long through)
    {
        if (through <= user.AppliedThrough)
        {
            return;
        }

        user.AppliedThrough = through;
        user.AppliedAbove.RemoveWhere(sequence => sequence <= through);
    }

    /// <summary>What the user's events told their items, in order, as a fresh history would have: the contributions an erasure takes back.</summary>
    public static List<ItemUpdate> Contributions(IEnumerable<LoggedEvent> events, EngineOptions options) =>
        Apply(new UserState(), events, options);

    /// <summary>The distinct items of the latest events, newest first, up to the co-occurrence window.</summary>
    private static System.Collections.Immutable.ImmutableArray<string> RecentItems(List<HistoryEntry> recent, string except, int window)
    {
        var items = System.Collections.Immutable.ImmutableArray.CreateBuilder<string>(Math.Min(window, recent.Count));
        for (var i = recent.Count - 1; i >= 0 && items.Count < window; i--)
        {
            var e = recent[i];
            if (e.Type != EventType.Skip && !string.Equals(e.ItemId, except, StringComparison.Ordinal) && !items.Contains(e.ItemId))
            {
                items.Add(e.ItemId);
            }
        }

        return items.ToImmutable();
    }
}
