using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Shared;
using Microsoft.Data.Sqlite;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// The interaction log in SQLite (001_log.sql; rows name users and items by key since 007_log_keys.sql): appends and
/// erasures through the group-committing writer, reads on pooled readers.
/// </summary>
public sealed class SqliteInteractionLogStore(SqliteDatabase database) : IInteractionLogStore
{
    private const string UserEventsSql = "SELECT l.seq, i.item_id, l.type, l.value, l.ts, l.event_id FROM interaction_log l "
        + "JOIN log_items i ON i.key = l.item_key WHERE l.user_key = $u AND l.seq > $after ORDER BY l.seq";

    private readonly SqliteLogKeyNames _users = new("log_users", "user_id");
    private readonly SqliteLogKeyNames _items = new("log_items", "item_id");

    public async Task<long> GetLastSequenceAsync(int partition, CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            var command = Command(connection, "SELECT last_seq FROM log_partitions WHERE partition = $p");
            command.Parameters.AddWithValue("$p", partition);
            return await command.ExecuteScalarAsync(cancellationToken) is long last ? last : -1;
        });
    }

    public Task<ImmutableArray<long>> AppendAsync(int partition, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return database.WriteAsync((connection, transaction) => SqliteLogWrites.Append(connection, partition, entries), cancellationToken);
    }

    public async Task<ImmutableArray<LoggedEvent>> ReadUserAsync(string userId, long afterSequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return await database.ReadAsync(async connection =>
        {
            if (SqliteLogWrites.UserKey(connection, null, userId) is not { } user)
            {
                return [];
            }

            return await ReadEventsAsync(UserEvents(connection, user, afterSequence, null), userId, cancellationToken);
        });
    }

    public async Task<LogRowPage> ReadRowsAsync(int partition, long afterSequence, int maxEvents, ILogRowSink rows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEvents);
        ArgumentNullException.ThrowIfNull(rows);
        return await database.ReadAsync(connection =>
        {
            cancellationToken.ThrowIfCancellationRequested();

            var (count, last, more) = SqlitePartitionReads.Read(connection, partition, afterSequence, maxEvents, rows, _users, _items);
            return Task.FromResult(new LogRowPage(count, last, !more));
        });
    }

    public Task<ImmutableArray<LoggedEvent>> EraseUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return database.WriteAsync((connection, transaction) => SqliteLogWrites.Erase(connection, transaction, userId, ReadAll), cancellationToken);
    }

    public async Task<ImmutableArray<Erasure>> ReadErasuresAsync(long afterId, CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            var command = Command(connection, "SELECT id, user_id FROM log_erasures WHERE id > $after ORDER BY id");
            command.Parameters.AddWithValue("$after", afterId);
            return await StoreReads.ErasuresAsync(command, cancellationToken);
        });
    }

    public async Task<LogTotals> CountAsync(CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            var command = Command(connection,
                "SELECT (SELECT COALESCE(SUM(events), 0) FROM log_partitions), (SELECT COUNT(*) FROM log_users), (SELECT COUNT(*) FROM log_items)");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new LogTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        });
    }

    public async Task<long> CountEventsAsync(CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            var command = Command(connection, "SELECT COALESCE(SUM(events), 0) FROM log_partitions");
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        });
    }

    /// <summary>
    /// The connection's prepared command for <paramref name="sql"/>, parameters cleared: statements are prepared once per
    /// connection (the writer's, and each pooled reader's), not once per call. Not to be disposed by the caller.
    /// </summary>
    internal static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null) =>
        SqliteStatements.For(connection, sql, transaction);

    /// <summary>The prepared read of the user with key <paramref name="user"/>'s events after <paramref name="afterSequence"/>, in order.</summary>
    internal static SqliteCommand UserEvents(SqliteConnection connection, long user, long afterSequence, SqliteTransaction? transaction)
    {
        var command = Command(connection, UserEventsSql, transaction);
        command.Parameters.AddWithValue("$u", user);
        command.Parameters.AddWithValue("$after", afterSequence);
        return command;
    }

    private static ImmutableArray<LoggedEvent> ReadAll(SqliteCommand command, string userId)
    {
        using var reader = command.ExecuteReader();
        var events = ImmutableArray.CreateBuilder<LoggedEvent>();
        while (reader.Read())
        {
            events.Add(ToEvent(reader, userId));
        }

        return events.ToImmutable();
    }

    private static async Task<ImmutableArray<LoggedEvent>> ReadEventsAsync(SqliteCommand command, string userId, CancellationToken cancellationToken)
    {
        var events = ImmutableArray.CreateBuilder<LoggedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(ToEvent(reader, userId));
        }

        return events.ToImmutable();
    }

    /// <summary>A row of <see cref="UserEventsSql"/>, an event of <paramref name="userId"/>.</summary>
    private static LoggedEvent ToEvent(SqliteDataReader reader, string userId) =>
        new(reader.GetInt64(0), new InteractionEvent(
            userId,
            reader.GetString(1),
            (EventType)reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetFloat(3),
            new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero))
        {
            EventId = reader.IsDBNull(5) ? null : reader.GetString(5),
        });
}
