using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Items;
using AIaaS.Grains.Options;
using AIaaS.Grains.Users;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace AIaaS.Grains.UnitTests;

/// <summary>
/// The compact history: states saved as whole logged events still read, and item ids are one string per item in
/// histories, seen sets and co-occurrence counts.
/// </summary>
public sealed class UserHistoryCompactionTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void Compact_StateSavedWithLoggedEvents_HistoryKeepsThemInOrder()
    {
        // Field 0 holds whole logged events, as every state saved before the compact history did.
        var saved = new UserState
        {
            LegacyRecent = [Logged(3, "u", "a", EventType.Rating, 4f), Logged(7, "u", "b", EventType.Play, null)],
            Seen = ["a", "b"],
            AppliedThrough = 7,
        };
        var read = ReadBack(saved);

        UserHistory.Compact(read);

        Assert.Null(read.LegacyRecent);
        Assert.Equal([3L, 7L], read.History.Select(h => h.Sequence));
        Assert.Equal(["a", "b"], read.History.Select(h => h.ItemId));
        Assert.Equal(4f, read.History[0].Value);
        Assert.Equal(EventType.Play, read.History[1].Type);
        Assert.Equal(saved.LegacyRecent[1].Event.Timestamp, read.History[1].Timestamp);
        Assert.Equal(7, read.AppliedThrough);
    }

    [Fact]
    public void Compact_StateWithBothForms_OlderEntriesFirst()
    {
        var user = new UserState
        {
            LegacyRecent = [Logged(1, "u", "a", EventType.Play, null)],
            History = [HistoryEntry.Of(Logged(2, "u", "b", EventType.Play, null))],
        };

        UserHistory.Compact(user);

        Assert.Equal([1L, 2L], user.History.Select(h => h.Sequence));
    }

    [Fact]
    public void Compact_TwoUsersReadFromStorage_ShareEachItemIdString()
    {
        var item = $"item-{Guid.NewGuid():N}";
        var first = ReadBack(new UserState { History = [new HistoryEntry(1, item, EventType.Play, null, DateTimeOffset.UnixEpoch)], Seen = [item] });
        var second = ReadBack(new UserState { History = [new HistoryEntry(1, item, EventType.Play, null, DateTimeOffset.UnixEpoch)], Seen = [item] });
        Assert.NotSame(first.History[0].ItemId, second.History[0].ItemId);

        UserHistory.Compact(first);
        UserHistory.Compact(second);

        Assert.Same(first.History[0].ItemId, second.History[0].ItemId);
        Assert.Same(first.History[0].ItemId, first.Seen.Single());
        Assert.Same(first.History[0].ItemId, second.Seen.Single());
    }

    [Fact]
    public void Apply_LoggedEvents_EntriesShareItemIdsAndDropTheEventId()
    {
        var item = $"item-{Guid.NewGuid():N}";
        var one = new UserState();
        var two = new UserState();
        var options = new EngineOptions();

        UserHistory.Apply(one, [new LoggedEvent(1, Events.Play("u1", new string(item.AsSpan())) with { EventId = "e-1" })], options);
        UserHistory.Apply(two, [new LoggedEvent(1, Events.Play("u2", new string(item.AsSpan())))], options);

        Assert.Same(one.History[0].ItemId, two.History[0].ItemId);
        var again = one.History[0].ToEvent("u1");
        Assert.Equal(Events.Play("u1", item), again);
    }

    [Fact]
    public void CoOccurrenceCount_TwoMessagesNamingOneItem_CountsItUnderTheSharedString()
    {
        var item = $"item-{Guid.NewGuid():N}";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);

        CoOccurrence.Count(counts, [new string(item.AsSpan())], "self", capacity: 10);
        CoOccurrence.Count(counts, [new string(item.AsSpan()), "self"], "self", capacity: 10);

        Assert.Equal(2, counts[item]);
        Assert.Same(SharedItemIds.Of(item), counts.Keys.Single());
    }

    [Fact]
    public void CoOccurrenceWithSharedKeys_CountsReadFromStorage_SameCountsUnderSharedStrings()
    {
        var item = $"item-{Guid.NewGuid():N}";
        var read = new Dictionary<string, int>(StringComparer.Ordinal) { [new string(item.AsSpan())] = 3, ["other"] = 1 };

        var shared = CoOccurrence.WithSharedKeys(read);

        Assert.Equal(read, shared);
        Assert.Same(SharedItemIds.Of(item), shared.Keys.First(k => k == item));
    }

    private static LoggedEvent Logged(long sequence, string user, string item, EventType type, float? value) =>
        new(sequence, new InteractionEvent(user, item, type, value, DateTimeOffset.UnixEpoch.AddMinutes(sequence)));

    private static UserState ReadBack(UserState state) => Serializer.Deserialize<UserState>(Serializer.SerializeToArray(state))!;
}
