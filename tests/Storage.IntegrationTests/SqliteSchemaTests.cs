using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Contracts;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.Schema;
using AIaaS.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AIaaS.Storage.IntegrationTests;

/// <summary>The embedded database's migrations, through <see cref="SqliteDatabase.Open"/> as the silo opens it.</summary>
public sealed class SqliteSchemaTests : IAsyncDisposable
{
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public async Task Open_DatabaseMigratedByANewerBuild_ThrowsNamingTheSettingAndThePath()
    {
        _database.Open();
        await _database.CloseAsync();
        Execute("UPDATE schema_version SET version = 999");

        var refused = Assert.Throws<StorageStartupException>(() => _database.Open());

        Assert.Contains("AIaaS:DataPath", refused.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_database.Folder, SqliteDatabase.FileName), refused.Message, StringComparison.Ordinal);
        Assert.Contains("999", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_Again_AppliesNothingTwiceAndKeepsTheLog()
    {
        await new SqliteInteractionLogStore(_database.Open()).AppendAsync(0, [Events.At(0, "u", "a", "e")], CancellationToken.None);
        await _database.CloseAsync();
        var first = Versions();

        var log = new SqliteInteractionLogStore(_database.Open());

        Assert.Equal(first, Versions());
        Assert.Equal(1, first.Rows);
        Assert.Equal([0L], (await log.ReadUserAsync("u", -1, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Equal<long>([0], await log.AppendAsync(0, [Events.At(1, "u", "a", "e")], CancellationToken.None));
    }

    [Fact]
    public async Task Open_DatabaseOfSchemaFive_KeepsItsUsersAndCountsNewOnesOnce()
    {
        // A data folder written by the build before migration 6, which counted each user's events in log_users.
        WriteSchema(5,
            "INSERT INTO interaction_log (partition, seq, user_id, item_id, type, value, ts, event_id) VALUES (0, 0, 'old', 'a', 0, NULL, 0, NULL); "
                + "INSERT INTO log_partitions VALUES (0, 0, 1); INSERT INTO log_users VALUES ('old', 1); INSERT INTO log_items VALUES ('a', 1)");

        var log = new SqliteInteractionLogStore(_database.Open());
        await log.AppendAsync(0, [Events.At(1, "old", "a"), Events.At(2, "new", "b"), Events.At(3, "new", "a")], CancellationToken.None);

        Assert.Equal(new LogTotals(4, 2, 2), await log.CountAsync(CancellationToken.None));
        Assert.Equal(Migration.Embedded("Sqlite.Migrations")[^1].Version, Versions().Version);
    }

    [Fact]
    public async Task Open_DatabaseOfSchemaSix_KeepsEveryEventAndItsIdAndCounts()
    {
        // A data folder written by the build before migration 7, whose rows named users and items by their text.
        WriteSchema(6,
            "INSERT INTO interaction_log (partition, seq, user_id, item_id, type, value, ts, event_id) VALUES "
                + "(0, 0, 'old', 'a', 0, NULL, 5, 'e1'), (0, 1, 'old', 'b', 4, 4.5, 6, NULL), (1, 0, 'other', 'a', 2, NULL, 7, NULL); "
                + "INSERT INTO log_partitions VALUES (0, 1, 2), (1, 0, 1); INSERT INTO log_users VALUES ('old'), ('other'); "
                + "INSERT INTO log_items VALUES ('a', 2), ('b', 1)");

        var log = new SqliteInteractionLogStore(_database.Open());

        var old = await log.ReadUserAsync("old", -1, CancellationToken.None);
        Assert.Equal(["0 a Play  5 e1", "1 b Rating 4.5 6 "], old.Select(e =>
            $"{e.Sequence} {e.Event.ItemId} {e.Event.Type} {e.Event.Value} {e.Event.Timestamp.UtcTicks} {e.Event.EventId}"));
        Assert.All(old, e => Assert.Equal("old", e.Event.UserId));
        Assert.Equal<long>([0, 2], await log.AppendAsync(0, [Events.At(2, "old", "a", "e1"), Events.At(2, "new", "b")], CancellationToken.None));
        Assert.Equal(new LogTotals(4, 3, 2), await log.CountAsync(CancellationToken.None));
        var (rows, _) = await log.ReadPageAsync(1, -1, 10);
        Assert.Equal([new LogRow(0, "other", "a", EventType.Like, null)], rows);
        Assert.Equal(Migration.Embedded("Sqlite.Migrations")[^1].Version, Versions().Version);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private (long Rows, long Version) Versions()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(version) FROM schema_version";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private void Execute(string sql)
    {
        using var connection = Connect();
        Execute(connection, sql);
    }

    /// <summary>A database as the build of schema <paramref name="version"/> left it, with <paramref name="rows"/> written.</summary>
    private void WriteSchema(int version, string rows)
    {
        using var connection = Connect();
        Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL)");
        foreach (var migration in Migration.Embedded("Sqlite.Migrations").Where(m => m.Version <= version))
        {
            Execute(connection, migration.Sql);
        }

        Execute(connection, $"INSERT INTO schema_version VALUES ({version}); {rows}");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_database.Folder, SqliteDatabase.FileName), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
