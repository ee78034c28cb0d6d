using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Infrastructure;

namespace AIaaS.Storage.IntegrationTests.Contracts;

/// <summary>
/// What every <see cref="IInteractionLogStore"/> promises (the port's XML docs), run against each store by a class
/// that opens an empty one per test. Appends and reads here; erasure, counts and concurrency in the other part.
/// </summary>
public abstract partial class InteractionLogStoreContract : StoreContract<IInteractionLogStore>
{
    [StorageFact]
    public async Task AppendThenRead_AwkwardValues_EveryFieldRoundTripsInOrder()
    {
        var at = Events.Start;
        LoggedEvent[] entries =
        [
            new(10, new InteractionEvent("ユーザー😀", "e\u0301lément", EventType.Play, null, at) { EventId = "id-😀" }),
            new(11, new InteractionEvent("tab\tline\nreturn\r", "ctrl\u0001\u001f\u007f\u0085\u2028", EventType.Rating, 4.5f, at.AddTicks(1))),
            new(12, new InteractionEvent("'; DROP TABLE x; --", "\"quoted\" \\ back", EventType.Purchase, float.MaxValue, at.ToOffset(TimeSpan.FromHours(-9.5))) { EventId = new string('e', 128) }),
            new(15, new InteractionEvent("ユーザー😀", "🎵", EventType.Like, 1e-30f, DateTimeOffset.UnixEpoch) { EventId = "\u0002\u001b" }),
            new(16, new InteractionEvent("u", "i", EventType.Skip, -2.25f, new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999))),
            new(17, new InteractionEvent("u", "i", EventType.View, 0f, new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero))),
        ];

        var stored = await Store.AppendAsync(3, entries, None);
        var (rows, page) = await Store.ReadPageAsync(3, -1, 100);
        var byUser = new List<LoggedEvent>();
        foreach (var userId in entries.Select(e => e.Event.UserId).Distinct())
        {
            byUser.AddRange(await Store.ReadUserAsync(userId, -1, None));
        }

        Assert.Equal<long>(entries.Select(e => e.Sequence), stored);
        Assert.Equal(entries.Select(LogRow.Of), rows);
        Assert.True(page.IsEnd);
        Assert.Equal(17, page.LastSequence);
        var sorted = byUser.OrderBy(e => e.Sequence).ToList();
        Assert.Equal<LoggedEvent>(entries, sorted);
        Assert.Equal(entries.Select(e => e.Event.Timestamp.UtcTicks), sorted.Select(e => e.Event.Timestamp.UtcTicks));
        Assert.Equal<LoggedEvent>([entries[0], entries[3]], await Store.ReadUserAsync("ユーザー😀", -1, None));
        Assert.Equal(17, await Store.GetLastSequenceAsync(3, None));
    }

    [StorageFact]
    public async Task Append_EventIdStoredByAnEarlierBatch_ReturnsTheEarlierSequenceAndStoresOnce()
    {
        await Store.AppendAsync(0, [Events.At(0, "u", "a", "e1"), Events.At(1, "u", "b", "e2")], None);

        var stored = await Store.AppendAsync(0, [Events.At(2, "u", "c", "e2"), Events.At(3, "u", "d", "e3"), Events.At(4, "u", "e", "e1")], None);

        Assert.Equal<long>([1, 3, 0], stored);
        Assert.Equal([0L, 1, 3], (await Store.ReadPageAsync(0, -1, 10)).Rows.Select(r => r.Sequence));
        Assert.Equal(new LogTotals(3, 1, 3), await Store.CountAsync(None));
        Assert.Equal(3, await Store.CountEventsAsync(None));
        Assert.Equal(3, await Store.GetLastSequenceAsync(0, None));
    }

    [StorageFact]
    public async Task Append_EventIdRepeatedWithinTheBatch_ReturnsTheFirstCopysSequenceAndStoresOnce()
    {
        await Store.AppendAsync(1, [Events.At(0, "u", "a", "old")], None);
        LoggedEvent[] batch =
        [
            Events.At(1, "u", "a", "e1"), Events.At(2, "u", "b", "e2"), Events.At(3, "u", "c", "e1"), Events.At(4, "u", "c"),
            Events.At(5, "u", "c"), Events.At(6, "u", "d", "e2"), Events.At(7, "u", "e", "old"), Events.At(8, "u", "e", "old"),
        ];

        var stored = await Store.AppendAsync(1, batch, None);

        Assert.Equal<long>([1, 2, 1, 4, 5, 2, 0, 0], stored);
        Assert.Equal([0L, 1, 2, 4, 5], (await Store.ReadPageAsync(1, -1, 10)).Rows.Select(r => r.Sequence));
        Assert.Equal(5, await Store.CountEventsAsync(None));
        Assert.Equal(5, await Store.GetLastSequenceAsync(1, None));
    }

    [StorageFact]
    public async Task Append_SameEventIdForAnotherUser_StoresBoth()
    {
        var stored = await Store.AppendAsync(0, [Events.At(0, "u1", "a", "e"), Events.At(1, "u2", "a", "e")], None);

        Assert.Equal<long>([0, 1], stored);
        Assert.Equal(new LogTotals(2, 2, 1), await Store.CountAsync(None));
    }

    [StorageFact]
    public async Task Append_NoEntries_ReturnsNoneAndChangesNothing()
    {
        var stored = await Store.AppendAsync(0, [], None);

        Assert.Empty(stored);
        Assert.Equal(-1, await Store.GetLastSequenceAsync(0, None));
        Assert.Equal(new LogTotals(0, 0, 0), await Store.CountAsync(None));
    }

    [StorageFact]
    public async Task ReadUser_AfterASequence_ReturnsTheLaterEventsOfEveryPartitionInOrder()
    {
        await Store.AppendAsync(0, [Events.At(1, "u", "a"), Events.At(4, "v", "a"), Events.At(6, "u", "b")], None);
        await Store.AppendAsync(1, [Events.At(2, "u", "c"), Events.At(5, "u", "d"), Events.At(7, "v", "d")], None);

        var after = await Store.ReadUserAsync("u", 1, None);
        var none = await Store.ReadUserAsync("nobody", -1, None);

        Assert.Equal([2L, 5, 6], after.Select(e => e.Sequence));
        Assert.All(after, e => Assert.Equal("u", e.Event.UserId));
        Assert.Empty(none);
    }

    [StorageFact]
    public async Task Read_PagesAfterASequence_InOrderWithIsEndOnlyOnTheLast()
    {
        await Store.AppendAsync(2, Events.Run(0, 4, "u"), None);
        await Store.AppendAsync(2, Events.Run(4, 3, "v"), None);
        await Store.AppendAsync(5, Events.Run(0, 3, "w"), None);

        var first = await Store.ReadPageAsync(2, -1, 3);
        var second = await Store.ReadPageAsync(2, first.Page.LastSequence, 3);
        var third = await Store.ReadPageAsync(2, second.Page.LastSequence, 3);
        var past = await Store.ReadPageAsync(2, 6, 3);
        var exact = await Store.ReadPageAsync(2, 3, 3);

        Assert.Equal(("0 1 2", 2L, false), Shape(first));
        Assert.Equal(("3 4 5", 5L, false), Shape(second));
        Assert.Equal(("6", 6L, true), Shape(third));
        Assert.Equal(("", 6L, true), Shape(past));
        Assert.Equal(("4 5 6", 6L, true), Shape(exact));
    }

    [StorageFact]
    public async Task Read_PartitionNeverWritten_EmptyLastPageAndNoLastSequence()
    {
        await Store.AppendAsync(0, Events.Run(0, 2, "u"), None);

        var (rows, page) = await Store.ReadPageAsync(9, -1, 10);

        Assert.Empty(rows);
        Assert.True(page.IsEnd);
        Assert.Equal(-1, page.LastSequence);
        Assert.Equal(-1, await Store.GetLastSequenceAsync(9, None));
    }

    [StorageFact]
    public async Task Read_LongestIdsOfThreeByteCharacters_RoundTrip()
    {
        // 256 characters of three UTF-8 bytes each, twice a row: more than a reader's first decoding buffer holds.
        var user = new string('ユ', EventRules.MaxIdLength);
        var item = string.Concat(Enumerable.Repeat("é€", EventRules.MaxIdLength / 2));
        LoggedEvent[] entries = [Events.At(0, user, item), Events.At(1, "u", item), Events.At(2, user, "i")];

        await Store.AppendAsync(6, entries, None);
        var (rows, _) = await Store.ReadPageAsync(6, -1, 10);

        Assert.Equal(entries.Select(LogRow.Of), rows);
    }

    /// <summary>A page's sequences, space-separated, its last sequence, and whether it is the last page.</summary>
    private static (string Sequences, long Last, bool IsEnd) Shape((List<LogRow> Rows, LogRowPage Page) read) =>
        (string.Join(' ', read.Rows.Select(r => r.Sequence)), read.Page.LastSequence, read.Page.IsEnd);
}
