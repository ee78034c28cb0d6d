using System.Collections.Immutable;
using System.Runtime.InteropServices;
using AIaaS.Grains.Interfaces.Models;
using Npgsql;
using NpgsqlTypes;

namespace AIaaS.Storage.PostgreSql;

/// <summary>
/// The log's writes, each one transaction; the partition and item counts and the lists of users and items move with
/// the rows. An append updates only rows of its own partition (its row in aiaas_log_partitions, its item counts) and
/// lists the users and items it is the first to name, so the partitions' writers do not wait for each other. Erasures
/// go one at a time and hold appends off while they run, so that what they count does not change under them.
/// </summary>
internal static class PostgreSqlLogWrites
{
    // Created once per server session and emptied by every commit or rollback. Created and dropped by every append, it
    // took PostgreSQL 8–20 ms each time (catalog rows and a new file: 33–71 s of statement time in each of four
    // 300,000-event imports, docs/benchmarks.md). The engine's sessions outlive a pool rental (PostgreSqlSessions), so
    // the table stays; where a session was reset, the next append creates it again.
    private const string Stage =
        "CREATE TEMP TABLE IF NOT EXISTS aiaas_log_staging (ord integer NOT NULL, seq bigint NOT NULL, user_id text NOT NULL, item_id text NOT NULL, "
        + "type integer NOT NULL, value real, ts bigint NOT NULL, event_id text) ON COMMIT DELETE ROWS";

    // Each count CTE reads `inserted` only. PostgreSQL runs the CTEs that the outer query does not read once it is done,
    // in the order written (as of PostgreSQL 15; the docs leave it open): should that change, a lock cycle is still
    // caught by the server's deadlock check and fails the batch, which its senders may resend (event ids make that safe).
    private const string Insert = """
        WITH inserted AS (
            INSERT INTO aiaas_interaction_log (partition, seq, user_id, item_id, type, value, ts, event_id)
            SELECT $1, seq, user_id, item_id, type, value, ts, event_id FROM aiaas_log_staging
            ON CONFLICT (user_id, event_id) WHERE event_id IS NOT NULL DO NOTHING
            RETURNING seq, user_id, item_id),
        partitions AS (
            INSERT INTO aiaas_log_partitions (partition, last_seq, events)
            SELECT $1, MAX(seq), COUNT(*) FROM inserted HAVING COUNT(*) > 0
            ON CONFLICT (partition) DO UPDATE
            SET last_seq = GREATEST(aiaas_log_partitions.last_seq, excluded.last_seq), events = aiaas_log_partitions.events + excluded.events),
        users AS (
            INSERT INTO aiaas_log_users (user_id)
            SELECT DISTINCT user_id FROM inserted ORDER BY user_id
            ON CONFLICT (user_id) DO NOTHING),
        items AS (
            INSERT INTO aiaas_log_items (item_id)
            SELECT DISTINCT item_id FROM inserted ORDER BY item_id
            ON CONFLICT (item_id) DO NOTHING),
        counts AS (
            INSERT INTO aiaas_log_item_counts (partition, item_id, events)
            SELECT $1, item_id, COUNT(*) FROM inserted GROUP BY item_id ORDER BY item_id
            ON CONFLICT (partition, item_id) DO UPDATE SET events = aiaas_log_item_counts.events + excluded.events)
        SELECT seq FROM inserted
        """;

    // A separate statement, so that it sees an earlier copy committed by another writer while this one waited on it.
    private const string FindEarlier =
        "SELECT s.ord, l.seq FROM aiaas_log_staging s JOIN aiaas_interaction_log l ON l.user_id = s.user_id AND l.event_id = s.event_id WHERE s.ord = ANY($1)";

    // The partitions' counts move by the rows this statement deletes, whoever wrote them.
    private const string EraseRows = $"""
        COPY (
            WITH erased AS (
                DELETE FROM aiaas_interaction_log WHERE user_id = current_setting('aiaas.user_id')
                RETURNING partition, {PostgreSqlLogRows.Columns}),
            partitions AS (
                UPDATE aiaas_log_partitions p SET events = p.events - d.n
                FROM (SELECT partition, COUNT(*) AS n FROM erased GROUP BY partition) d WHERE p.partition = d.partition),
            counts AS (
                UPDATE aiaas_log_item_counts c SET events = c.events - d.n
                FROM (SELECT partition, item_id, COUNT(*) AS n FROM erased GROUP BY partition, item_id) d
                WHERE c.partition = d.partition AND c.item_id = d.item_id),
            users AS (DELETE FROM aiaas_log_users WHERE user_id = current_setting('aiaas.user_id'))
            SELECT {PostgreSqlLogRows.Columns} FROM erased ORDER BY seq
        ) TO STDOUT (FORMAT BINARY)
        """;

    /// <summary>
    /// Stages the batch's first copy of each (user, event id) and inserts what the log lacks; an entry the log already
    /// held, or that repeats an earlier entry of the batch, gets the sequence of the copy that is stored.
    /// </summary>
    public static async Task<ImmutableArray<long>> AppendAsync(NpgsqlConnection connection, int partition, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken)
    {
        var firstOf = FirstCopies(entries, out var staged);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var stage = new NpgsqlCommand(Stage, connection, transaction))
        {
            await stage.ExecuteNonQueryAsync(cancellationToken);
        }

        await PostgreSqlLogRows.WriteStagingAsync(connection, entries, staged, cancellationToken);
        var inserted = new HashSet<long>();
        await using (var insert = new NpgsqlCommand(Insert, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(reader.GetInt64(0));
            }
        }

        var stored = new long[entries.Count];
        var conflicts = new List<int>();
        foreach (var i in staged)
        {
            stored[i] = entries[i].Sequence;
            if (!inserted.Contains(entries[i].Sequence))
            {
                conflicts.Add(i);
            }
        }

        if (conflicts.Count > 0)
        {
            await FindEarlierAsync(connection, transaction, conflicts, stored, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = stored[firstOf[i]];
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(stored);
    }

    /// <summary>Deletes the user's rows, moves the counts and records the erasure; returns the rows in sequence order.</summary>
    public static async Task<ImmutableArray<LoggedEvent>> EraseAsync(NpgsqlConnection connection, string userId, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // One erasure at a time: ids are then handed out in commit order (001_log.sql). Then the appends in flight finish
        // and new ones wait, so that an item is unlisted only while no append can be counting an event of it.
        await ExecuteAsync(connection, transaction, "LOCK TABLE aiaas_log_erasures IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        await ExecuteAsync(connection, transaction, "LOCK TABLE aiaas_log_item_counts IN SHARE MODE", cancellationToken);
        await PostgreSqlLogRows.SetAsync(connection, transaction, "SELECT set_config('aiaas.user_id', $1, true)", cancellationToken, userId);
        var erased = await PostgreSqlLogRows.ReadAllAsync(connection, EraseRows, 64, cancellationToken);
        await DropEmptyItemsAsync(connection, transaction, erased, cancellationToken);
        await ExecuteAsync(connection, transaction, "INSERT INTO aiaas_log_erasures (user_id) VALUES ($1)", cancellationToken, userId);
        await transaction.CommitAsync(cancellationToken);
        return erased;
    }

    /// <summary>Per entry, the index of the batch's first entry with its (user, event id), itself when none came before; <paramref name="staged"/>: the first copies.</summary>
    private static int[] FirstCopies(IReadOnlyList<LoggedEvent> entries, out List<int> staged)
    {
        var firstOf = new int[entries.Count];
        var seen = new Dictionary<(string User, string EventId), int>();
        staged = new List<int>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i].Event;
            if (e.EventId is { } id && !seen.TryAdd((e.UserId, id), i))
            {
                firstOf[i] = seen[(e.UserId, id)];
                continue;
            }

            firstOf[i] = i;
            staged.Add(i);
        }

        return firstOf;
    }

    private static async Task FindEarlierAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<int> conflicts, long[] stored, CancellationToken cancellationToken)
    {
        await using var find = new NpgsqlCommand(FindEarlier, connection, transaction);
        find.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. conflicts] });
        var found = 0;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[reader.GetInt32(0)] = reader.GetInt64(1);
                found++;
            }
        }

        if (found != conflicts.Count)
        {
            // The earlier copy was erased between the insert and this read: fail the batch; its retry stores the events anew.
            throw new InvalidOperationException($"{conflicts.Count - found} of the batch's repeated events lost their earlier copy to a concurrent erasure; retry the batch.");
        }
    }

    /// <summary>Drops the erased events' item counts that reached zero, and unlists the items no partition counts any more.</summary>
    private static async Task DropEmptyItemsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ImmutableArray<LoggedEvent> erased, CancellationToken cancellationToken)
    {
        if (erased.IsEmpty)
        {
            return;
        }

        var items = new string[erased.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = erased[i].Event.ItemId;
        }

        // The partitions are named through aiaas_log_partitions so that both lookups use the counts' primary key.
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new("DELETE FROM aiaas_log_item_counts WHERE partition IN (SELECT partition FROM aiaas_log_partitions) AND item_id = ANY($1) AND events <= 0")
                {
                    Parameters = { Texts(items) },
                },
                new("""
                    DELETE FROM aiaas_log_items i WHERE i.item_id = ANY($1) AND NOT EXISTS (
                        SELECT 1 FROM aiaas_log_partitions p JOIN aiaas_log_item_counts c ON c.partition = p.partition AND c.item_id = i.item_id)
                    """)
                {
                    Parameters = { Texts(items) },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter<string[]> Texts(string[] values) => new() { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params string[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
