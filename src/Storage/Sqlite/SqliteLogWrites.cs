using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Data.Sqlite;

namespace AIaaS.Storage.Sqlite;

/// <summary>The log's writes, run on the writer's connection inside a group commit; the count tables move with the rows.</summary>
internal static class SqliteLogWrites
{
    public static ImmutableArray<long> Append(SqliteConnection connection, SqliteTransaction transaction, int partition, IReadOnlyList<LoggedEvent> entries)
    {
        var stored = ImmutableArray.CreateBuilder<long>(entries.Count);
        var users = new Dictionary<string, long>(StringComparer.Ordinal);
        var items = new Dictionary<string, long>(StringComparer.Ordinal);
        var find = SqliteInteractionLogStore.Command(connection, "SELECT seq FROM interaction_log WHERE user_id = $u AND event_id = $e", transaction);
        var findUser = find.Parameters.Add("$u", SqliteType.Text);
        var findEvent = find.Parameters.Add("$e", SqliteType.Text);
        var insert = SqliteInteractionLogStore.Command(connection,
            "INSERT INTO interaction_log (partition, seq, user_id, item_id, type, value, ts, event_id) VALUES ($p, $s, $u, $i, $t, $v, $ts, $e)", transaction);
        insert.Parameters.AddWithValue("$p", partition);
        var seq = insert.Parameters.Add("$s", SqliteType.Integer);
        var user = insert.Parameters.Add("$u", SqliteType.Text);
        var item = insert.Parameters.Add("$i", SqliteType.Text);
        var type = insert.Parameters.Add("$t", SqliteType.Integer);
        var value = insert.Parameters.Add("$v", SqliteType.Real);
        var ts = insert.Parameters.Add("$ts", SqliteType.Integer);
        var eventId = insert.Parameters.Add("$e", SqliteType.Text);
        long last = -1, added = 0;
        foreach (var entry in entries)
        {
            var e = entry.Event;
            if (e.EventId is { } id)
            {
                findUser.Value = e.UserId;
                findEvent.Value = id;
                if (find.ExecuteScalar() is long earlier)
                {
                    stored.Add(earlier);
                    continue;
                }
            }

            seq.Value = entry.Sequence;
            user.Value = e.UserId;
            item.Value = e.ItemId;
            type.Value = (int)e.Type;
            value.Value = e.Value is { } v ? v : DBNull.Value;
            ts.Value = e.Timestamp.UtcTicks;
            eventId.Value = (object?)e.EventId ?? DBNull.Value;
            insert.ExecuteNonQuery();
            stored.Add(entry.Sequence);
            users[e.UserId] = users.GetValueOrDefault(e.UserId) + 1;
            items[e.ItemId] = items.GetValueOrDefault(e.ItemId) + 1;
            last = Math.Max(last, entry.Sequence);
            added++;
        }

        if (added > 0)
        {
            var partitions = SqliteInteractionLogStore.Command(connection,
                "INSERT INTO log_partitions (partition, last_seq, events) VALUES ($p, $last, $n) "
                + "ON CONFLICT (partition) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq), events = events + excluded.events", transaction);
            partitions.Parameters.AddWithValue("$p", partition);
            partitions.Parameters.AddWithValue("$last", last);
            partitions.Parameters.AddWithValue("$n", added);
            partitions.ExecuteNonQuery();
            AddCounts(connection, transaction, "log_users", "user_id", users);
            AddCounts(connection, transaction, "log_items", "item_id", items);
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

        AddCounts(connection, transaction, "log_items", "item_id", items);
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

    private static void AddCounts(SqliteConnection connection, SqliteTransaction transaction, string table, string key, Dictionary<string, long> deltas)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        var upsert = SqliteInteractionLogStore.Command(connection,
            $"INSERT INTO {table} ({key}, events) VALUES ($k, $n) ON CONFLICT ({key}) DO UPDATE SET events = events + excluded.events", transaction);
        var id = upsert.Parameters.Add("$k", SqliteType.Text);
        var n = upsert.Parameters.Add("$n", SqliteType.Integer);
        foreach (var (k, delta) in deltas)
        {
            id.Value = k;
            n.Value = delta;
            upsert.ExecuteNonQuery();
        }
    }
}
