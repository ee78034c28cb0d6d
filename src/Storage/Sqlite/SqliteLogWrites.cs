using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AIaaS.Storage.Sqlite;

/// <summary>The log's writes, run on the writer's connection inside a group commit; the partition and item counts and the list of users move with the rows.</summary>
internal static class SqliteLogWrites
{
    // A repeated (user, event id) inserts nothing and fails nothing: the row already stored answers for it. Any other
    // conflict (a sequence numbered twice) still fails the write.
    private const string InsertSql = "INSERT INTO interaction_log (partition, seq, user_id, item_id, type, value, ts, event_id) "
        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (user_id, event_id) WHERE event_id IS NOT NULL DO NOTHING";

    private const string FindSql = "SELECT seq FROM interaction_log WHERE user_id = ?1 AND event_id = ?2";

    // A user already listed is only looked up: its row, and the page it sits on, stay as they are.
    private const string UserSql = "INSERT INTO log_users (user_id) VALUES (?1) ON CONFLICT (user_id) DO NOTHING";

    private const string ItemSql = "INSERT INTO log_items (item_id, events) VALUES (?1, ?2) ON CONFLICT (item_id) DO UPDATE SET events = events + excluded.events";

    private const string PartitionSql = "INSERT INTO log_partitions (partition, last_seq, events) VALUES (?1, ?2, ?3) "
        + "ON CONFLICT (partition) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq), events = events + excluded.events";

    /// <summary>
    /// Stores the entries the log lacks through SQLite's own statement API (a bound row and a step per event; through
    /// Microsoft.Data.Sqlite's commands each row also paid for a reader, a parameter collection and type dispatch);
    /// an entry whose (user, event id) is stored already gets that copy's sequence.
    /// </summary>
    /// <exception cref="SqliteException">SQLite reported an error; the caller's savepoint undoes the write.</exception>
    public static ImmutableArray<long> Append(SqliteConnection connection, int partition, IReadOnlyList<LoggedEvent> entries)
    {
        var db = connection.Handle!;
        var stored = ImmutableArray.CreateBuilder<long>(entries.Count);
        var users = new HashSet<string>(StringComparer.Ordinal);
        var items = new Dictionary<string, long>(StringComparer.Ordinal);
        var insert = SqliteStatements.Raw(connection, InsertSql);
        long last = -1, added = 0;
        foreach (var entry in entries)
        {
            var e = entry.Event;
            raw.sqlite3_reset(insert);
            SqliteStatements.Check(db, raw.sqlite3_bind_int(insert, 1, partition));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(insert, 2, entry.Sequence));
            SqliteStatements.Check(db, raw.sqlite3_bind_text16(insert, 3, e.UserId.AsSpan()));
            SqliteStatements.Check(db, raw.sqlite3_bind_text16(insert, 4, e.ItemId.AsSpan()));
            SqliteStatements.Check(db, raw.sqlite3_bind_int(insert, 5, (int)e.Type));
            SqliteStatements.Check(db, e.Value is { } v ? raw.sqlite3_bind_double(insert, 6, v) : raw.sqlite3_bind_null(insert, 6));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(insert, 7, e.Timestamp.UtcTicks));
            SqliteStatements.Check(db, e.EventId is { } id ? raw.sqlite3_bind_text16(insert, 8, id.AsSpan()) : raw.sqlite3_bind_null(insert, 8));
            Step(db, insert);
            if (raw.sqlite3_changes(db) == 0)
            {
                stored.Add(Earlier(connection, e));
                continue;
            }

            stored.Add(entry.Sequence);
            users.Add(e.UserId);
            items[e.ItemId] = items.GetValueOrDefault(e.ItemId) + 1;
            last = Math.Max(last, entry.Sequence);
            added++;
        }

        if (added > 0)
        {
            var partitions = SqliteStatements.Raw(connection, PartitionSql);
            SqliteStatements.Check(db, raw.sqlite3_bind_int(partitions, 1, partition));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(partitions, 2, last));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(partitions, 3, added));
            Step(db, partitions);
            var user = SqliteStatements.Raw(connection, UserSql);
            foreach (var userId in users)
            {
                raw.sqlite3_reset(user);
                SqliteStatements.Check(db, raw.sqlite3_bind_text16(user, 1, userId.AsSpan()));
                Step(db, user);
            }

            AddItemCounts(connection, items);
        }

        return stored.MoveToImmutable();
    }

    public static ImmutableArray<LoggedEvent> Erase(
        SqliteConnection connection, SqliteTransaction transaction, string userId, Func<SqliteCommand, ImmutableArray<LoggedEvent>> read)
    {
        ImmutableArray<LoggedEvent> erased;
        var select = SqliteInteractionLogStore.Command(connection,
            "SELECT seq, user_id, item_id, type, value, ts, event_id FROM interaction_log WHERE user_id = $u ORDER BY seq", transaction);
        {
            select.Parameters.AddWithValue("$u", userId);
            erased = read(select);
        }

        var partitions = SqliteInteractionLogStore.Command(connection,
            "UPDATE log_partitions SET events = events - (SELECT COUNT(*) FROM interaction_log l WHERE l.user_id = $u AND l.partition = log_partitions.partition) "
            + "WHERE partition IN (SELECT DISTINCT partition FROM interaction_log WHERE user_id = $u)", transaction);
        {
            partitions.Parameters.AddWithValue("$u", userId);
            partitions.ExecuteNonQuery();
        }

        var items = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var logged in erased)
        {
            items[logged.Event.ItemId] = items.GetValueOrDefault(logged.Event.ItemId) - 1;
        }

        AddItemCounts(connection, items);
        var emptied = SqliteInteractionLogStore.Command(connection, "DELETE FROM log_items WHERE item_id = $k AND events <= 0", transaction);
        {
            var key = emptied.Parameters.Add("$k", SqliteType.Text);
            foreach (var itemId in items.Keys)
            {
                key.Value = itemId;
                emptied.ExecuteNonQuery();
            }
        }

        var delete = SqliteInteractionLogStore.Command(connection,
            "DELETE FROM interaction_log WHERE user_id = $u; DELETE FROM log_users WHERE user_id = $u; "
            + "INSERT INTO log_erasures (user_id, erased_at) VALUES ($u, $at)", transaction);
        delete.Parameters.AddWithValue("$u", userId);
        delete.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.UtcTicks);
        delete.ExecuteNonQuery();
        return erased;
    }

    private static void AddItemCounts(SqliteConnection connection, Dictionary<string, long> deltas)
    {
        var db = connection.Handle!;
        var upsert = SqliteStatements.Raw(connection, ItemSql);
        foreach (var (itemId, delta) in deltas)
        {
            raw.sqlite3_reset(upsert);
            SqliteStatements.Check(db, raw.sqlite3_bind_text16(upsert, 1, itemId.AsSpan()));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(upsert, 2, delta));
            Step(db, upsert);
        }
    }

    /// <summary>The sequence of the stored copy of <paramref name="e"/>'s (user, event id), which an insert just ran into.</summary>
    private static long Earlier(SqliteConnection connection, InteractionEvent e)
    {
        var db = connection.Handle!;
        var find = SqliteStatements.Raw(connection, FindSql);
        SqliteStatements.Check(db, raw.sqlite3_bind_text16(find, 1, e.UserId.AsSpan()));
        SqliteStatements.Check(db, raw.sqlite3_bind_text16(find, 2, (e.EventId ?? throw new InvalidOperationException($"An event of user '{e.UserId}' without an id inserted nothing.")).AsSpan()));
        var step = raw.sqlite3_step(find);
        if (step == raw.SQLITE_DONE)
        {
            throw new InvalidOperationException($"Event '{e.EventId}' of user '{e.UserId}' was refused as a repeat, but no stored copy was found.");
        }

        if (step != raw.SQLITE_ROW)
        {
            SqliteStatements.Check(db, step);
        }

        var sequence = raw.sqlite3_column_int64(find, 0);
        raw.sqlite3_reset(find);
        return sequence;
    }

    private static void Step(sqlite3 db, sqlite3_stmt statement)
    {
        var step = raw.sqlite3_step(statement);
        if (step != raw.SQLITE_DONE)
        {
            SqliteStatements.Check(db, step);
        }
    }
}
