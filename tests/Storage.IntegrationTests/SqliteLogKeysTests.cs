using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.Sqlite;

namespace AIaaS.Storage.IntegrationTests;

/// <summary>The keys SQLite's log names users and items by, as a partition read hands them to its sink (007_log_keys.sql).</summary>
public sealed class SqliteLogKeysTests : IAsyncDisposable
{
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public async Task ReadRows_EachKeyNamesOneIdAndAnErasedUserReturnsUnderANewKey()
    {
        var log = new SqliteInteractionLogStore(_database.Open());
        await log.AppendAsync(0, [Events.At(0, "u1", "a"), Events.At(1, "u2", "b"), Events.At(2, "u1", "b"), Events.At(3, "u2", "a")], CancellationToken.None);
        var before = await ReadAsync(log, -1);
        // u2 holds the highest key: a key handed out again would be its old one.
        await log.EraseUserAsync("u2", CancellationToken.None);
        await log.AppendAsync(0, [Events.At(4, "u2", "c"), Events.At(5, "u3", "a")], CancellationToken.None);

        var after = await ReadAsync(log, -1);

        Assert.Equal(["u1/a", "u1/b", "u2/c", "u3/a"], after.Select(row => $"{row.UserId}/{row.ItemId}"));
        var keyed = before.Concat(after).ToList();
        Assert.All(keyed.GroupBy(row => row.ItemKey), sameKey => Assert.Single(sameKey.Select(row => row.ItemId).Distinct()));
        Assert.All(keyed.GroupBy(row => row.ItemId), sameId => Assert.Single(sameId.Select(row => row.ItemKey).Distinct()));
        Assert.All(keyed.GroupBy(row => row.UserKey), sameKey => Assert.Single(sameKey.Select(row => row.UserId).Distinct()));
        var u2Keys = keyed.Where(row => row.UserId == "u2").Select(row => row.UserKey).Distinct().ToList();
        Assert.Equal(2, u2Keys.Count);
        Assert.DoesNotContain(u2Keys[1], before.Select(row => row.UserKey));
    }

    [Fact]
    public async Task ReadRows_ItemRepeatedUnderAnotherItemsEventId_LeavesNoItemListedWithoutEvents()
    {
        var log = new SqliteInteractionLogStore(_database.Open());
        await log.AppendAsync(0, [Events.At(0, "u", "a", "e")], CancellationToken.None);

        // The same event id again, naming an item the log has never held: the stored copy answers, "x" is not listed.
        Assert.Equal<long>([0], await log.AppendAsync(0, [Events.At(1, "u", "x", "e")], CancellationToken.None));

        Assert.Equal(new LogTotals(1, 1, 1), await log.CountAsync(CancellationToken.None));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static async Task<List<KeyedRow>> ReadAsync(SqliteInteractionLogStore log, long after)
    {
        var rows = new KeyedRows();
        await log.ReadRowsAsync(0, after, 100, rows, CancellationToken.None);
        return rows.Rows;
    }

    private sealed record KeyedRow(long UserKey, string UserId, long ItemKey, string ItemId);

    private sealed class KeyedRows : ILogRowSink
    {
        public List<KeyedRow> Rows { get; } = [];

        public void Add(long sequence, ReadOnlySpan<char> userId, ReadOnlySpan<char> itemId, EventType type, float? value) =>
            throw new InvalidOperationException("SQLite's log hands its rows with keys.");

        public void Add(long sequence, long userKey, string userId, long itemKey, string itemId, EventType type, float? value) =>
            Rows.Add(new KeyedRow(userKey, userId, itemKey, itemId));
    }
}
