using System.Collections.Immutable;
using System.Runtime.InteropServices;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// The log's writes, run on the writer's connection inside a group commit; the partition and item counts and the
/// list of users (with the keys the rows name them by) move with the rows.
/// </summary>
internal static class SqliteLogWrites
{
    // A repeated (user, event id) inserts nothing and fails nothing: the row already stored answers for it. Any other
    // conflict (a sequence numbered twice) still fails the write.
    private const string InsertSql = "INSERT INTO interaction_log (partition, seq, user_key, item_key, type, value, ts, event_id) "
        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (user_key, event_id) WHERE event_id IS NOT NULL DO NOTHING";

    private const string FindSql = "SELECT seq FROM interaction_log WHERE user_key = ?1 AND event_id = ?2";

    private const string UserKeySql = "SELECT key FROM log_users WHERE user_id = ?1";

    private const string NewUserSql = "INSERT INTO log_users (user_id) VALUES (?1)";

    private const string ItemKeySql = "SELECT key FROM log_items WHERE item_id = ?1";

    // A new item is listed with no events; its count comes with the rows that name it.
    private const string NewItemSql = "INSERT INTO log_items (item_id, events) VALUES (?1, 0)";

    private const string ItemCountSql = "UPDATE log_items SET events = events + ?2 WHERE key = ?1";

    private const string UnusedItemSql = "DELETE FROM log_items WHERE key = ?1 AND events <= 0";

    private const string PartitionSql = "INSERT INTO log_partitions (partition, last_seq, events) VALUES (?1, ?2, ?3) "
        + "ON CONFLICT (partition) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq), events = events + excluded.events";

    /// <summary>
    /// Stores the entries the log lacks through SQLite's own statement API (a bound row and a step per event; through
    /// Microsoft.Data.Sqlite's commands each row also paid for a reader, a parameter collection and type dispatch);
    /// an entry whose (user, event id) is stored already gets that copy's sequence. Each distinct user and item of the
    /// entries is looked up once, and listed if the log did not name it yet.
    /// </summary>
    /// <exception cref="SqliteException">SQLite reported an error; the caller's savepoint undoes the write.</exception>
    public static ImmutableArray<long> Append(SqliteConnection connection, int partition, IReadOnlyList<LoggedEvent> entries)
    {
        var db = connection.Handle!;
        var stored = ImmutableArray.CreateBuilder<long>(entries.Count);
        var users = new Dictionary<string, long>(StringComparer.Ordinal);
        var items = new Dictionary<string, ItemKey>(StringComparer.Ordinal);
        var insert = SqliteStatements.Raw(connection, InsertSql);
        long last = -1, added = 0;
        foreach (var entry in entries)
        {
            var e = entry.Event;
            ref var user = ref CollectionsMarshal.GetValueRefOrAddDefault(users, e.UserId, out var knownUser);
            if (!knownUser)
            {
                user = KeyOf(connection, UserKeySql, NewUserSql, e.UserId, out _);
            }

            ref var item = ref CollectionsMarshal.GetValueRefOrAddDefault(items, e.ItemId, out var knownItem);
            if (!knownItem)
            {
                item.Key = KeyOf(connection, ItemKeySql, NewItemSql, e.ItemId, out item.Listed);
            }

            raw.sqlite3_reset(insert);
            SqliteStatements.Check(db, raw.sqlite3_bind_int(insert, 1, partition));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(insert, 2, entry.Sequence));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(insert, 3, user));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(insert, 4, item.Key));
            SqliteStatements.Check(db, raw.sqlite3_bind_int(insert, 5, (int)e.Type));
            SqliteStatements.Check(db, e.Value is { } v ? raw.sqlite3_bind_double(insert, 6, v) : raw.sqlite3_bind_null(insert, 6));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(insert, 7, e.Timestamp.UtcTicks));
            SqliteStatements.Check(db, e.EventId is { } id ? raw.sqlite3_bind_text16(insert, 8, id.AsSpan()) : raw.sqlite3_bind_null(insert, 8));
            Step(db, insert);
            if (raw.sqlite3_changes(db) == 0)
            {
                stored.Add(Earlier(connection, user, e));
                continue;
            }

            stored.Add(entry.Sequence);
            item.Added++;
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
        }

        // A user is listed only with a stored event: every event of a user the log did not name is new, so it is
        // stored. An item listed here whose events were all repeats of stored ones (named with another item) is
        // unlisted again.
        foreach (var item in items.Values)
        {
            if (item.Added > 0)
            {
                AddItemCount(connection, item.Key, item.Added);
            }
            else if (item.Listed)
            {
                DeleteUnused(connection, item.Key);
            }
        }

        return stored.MoveToImmutable();
    }

    /// <summary>Deletes the user's rows and listing, takes them off the partition and item counts, and records the erasure; returns what <paramref name="read"/> made of the rows.</summary>
    public static ImmutableArray<LoggedEvent> Erase(
        SqliteConnection connection, SqliteTransaction transaction, string userId, Func<SqliteCommand, string, ImmutableArray<LoggedEvent>> read)
    {
        var erased = ImmutableArray<LoggedEvent>.Empty;
        if (UserKey(connection, transaction, userId) is { } user)
        {
            var select = SqliteInteractionLogStore.UserEvents(connection, user, long.MinValue, transaction);
            erased = read(select, userId);

            var partitions = SqliteInteractionLogStore.Command(connection,
                "UPDATE log_partitions SET events = events - (SELECT COUNT(*) FROM interaction_log l WHERE l.user_key = $u AND l.partition = log_partitions.partition) "
                + "WHERE partition IN (SELECT DISTINCT partition FROM interaction_log WHERE user_key = $u)", transaction);
            partitions.Parameters.AddWithValue("$u", user);
            partitions.ExecuteNonQuery();

            var items = SqliteInteractionLogStore.Command(connection,
                "SELECT item_key, COUNT(*) FROM interaction_log WHERE user_key = $u GROUP BY item_key", transaction);
            items.Parameters.AddWithValue("$u", user);
            var counts = new List<(long Item, long Count)>();
            using (var reader = items.ExecuteReader())
            {
                while (reader.Read())
                {
                    counts.Add((reader.GetInt64(0), reader.GetInt64(1)));
                }
            }

            foreach (var (item, count) in counts)
            {
                AddItemCount(connection, item, -count);
                DeleteUnused(connection, item);
            }

            var delete = SqliteInteractionLogStore.Command(connection,
                "DELETE FROM interaction_log WHERE user_key = $u; DELETE FROM log_users WHERE key = $u", transaction);
            delete.Parameters.AddWithValue("$u", user);
            delete.ExecuteNonQuery();
        }

        var record = SqliteInteractionLogStore.Command(connection, "INSERT INTO log_erasures (user_id, erased_at) VALUES ($u, $at)", transaction);
        record.Parameters.AddWithValue("$u", userId);
        record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.UtcTicks);
        record.ExecuteNonQuery();
        return erased;
    }

    /// <summary>The key the log names <paramref name="userId"/> by, or null when it holds none of the user's events.</summary>
    public static long? UserKey(SqliteConnection connection, SqliteTransaction? transaction, string userId)
    {
        var lookup = SqliteInteractionLogStore.Command(connection, "SELECT key FROM log_users WHERE user_id = $u", transaction);
        lookup.Parameters.AddWithValue("$u", userId);
        return lookup.ExecuteScalar() as long?;
    }

    /// <summary>The key of <paramref name="id"/> in log_users or log_items, listing it now (<paramref name="created"/>) if the log does not name it yet.</summary>
    private static long KeyOf(SqliteConnection connection, string findSql, string createSql, string id, out bool created)
    {
        var db = connection.Handle!;
        var find = SqliteStatements.Raw(connection, findSql);
        try
        {
            SqliteStatements.Check(db, raw.sqlite3_bind_text16(find, 1, id.AsSpan()));
            var step = raw.sqlite3_step(find);
            if (step == raw.SQLITE_ROW)
            {
                created = false;
                return raw.sqlite3_column_int64(find, 0);
            }

            if (step != raw.SQLITE_DONE)
            {
                SqliteStatements.Check(db, step);
            }
        }
        finally
        {
            raw.sqlite3_reset(find);
        }

        var create = SqliteStatements.Raw(connection, createSql);
        SqliteStatements.Check(db, raw.sqlite3_bind_text16(create, 1, id.AsSpan()));
        Step(db, create);
        created = true;
        return raw.sqlite3_last_insert_rowid(db);
    }

    private static void AddItemCount(SqliteConnection connection, long item, long delta)
    {
        var db = connection.Handle!;
        var update = SqliteStatements.Raw(connection, ItemCountSql);
        SqliteStatements.Check(db, raw.sqlite3_bind_int64(update, 1, item));
        SqliteStatements.Check(db, raw.sqlite3_bind_int64(update, 2, delta));
        Step(db, update);
    }

    private static void DeleteUnused(SqliteConnection connection, long item)
    {
        var db = connection.Handle!;
        var delete = SqliteStatements.Raw(connection, UnusedItemSql);
        SqliteStatements.Check(db, raw.sqlite3_bind_int64(delete, 1, item));
        Step(db, delete);
    }

    /// <summary>The sequence of the stored copy of <paramref name="e"/>'s (user, event id), which an insert just ran into.</summary>
    private static long Earlier(SqliteConnection connection, long user, InteractionEvent e)
    {
        var db = connection.Handle!;
        var find = SqliteStatements.Raw(connection, FindSql);
        SqliteStatements.Check(db, raw.sqlite3_bind_int64(find, 1, user));
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

    /// <summary>An item of one append: its key, the events stored for it, and whether this append listed it.</summary>
    private struct ItemKey
    {
        public long Key;
        public long Added;
        public bool Listed;
    }
}
