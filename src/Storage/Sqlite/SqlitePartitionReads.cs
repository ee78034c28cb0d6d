using System.Runtime.CompilerServices;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// A partition's rows in sequence order, read through SQLite's own statement API straight into a sink. The training
/// reads the whole log this way: Microsoft.Data.Sqlite's reader spent most of that read in per-column type checks,
/// an awaited step per row and a string per id; here a row costs one call per column it needs, and its user and item
/// are integer keys whose ids are looked up once (<see cref="SqliteLogKeyNames"/>), then handed over with the keys.
/// </summary>
internal static class SqlitePartitionReads
{
    private const string Sql = "SELECT seq, user_key, item_key, type, value FROM interaction_log "
        + "WHERE partition = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3";

    /// <summary>
    /// Hands up to <paramref name="limit"/> rows to <paramref name="rows"/>; returns how many, the last one's sequence,
    /// and whether the partition holds more (one row past the page is stepped onto, not handed over).
    /// </summary>
    /// <exception cref="SqliteException">SQLite reported an error.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int Rows, long LastSequence, bool More) Read(
        SqliteConnection connection, int partition, long afterSequence, int limit, ILogRowSink rows, SqliteLogKeyNames users, SqliteLogKeyNames items)
    {
        var db = connection.Handle!;
        var statement = SqliteStatements.Raw(connection, Sql);
        try
        {
            SqliteStatements.Check(db, raw.sqlite3_bind_int(statement, 1, partition));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(statement, 2, afterSequence));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(statement, 3, limit + 1L));
            int count = 0, step;
            var last = afterSequence;
            using var reader = new SqliteRowReader(statement);
            while ((step = reader.Step()) == raw.SQLITE_ROW)
            {
                if (count == limit)
                {
                    return (count, last, true);
                }

                last = reader.Int64(0);
                var user = reader.Int64(1);
                var item = reader.Int64(2);
                rows.Add(last, user, users.NameOf(connection, user), item, items.NameOf(connection, item), (EventType)reader.Int32(3), reader.NullableSingle(4));
                count++;
            }

            if (step != raw.SQLITE_DONE)
            {
                SqliteStatements.Check(db, step);
            }

            return (count, last, false);
        }
        finally
        {
            // A statement left on a row would hold the reader's snapshot open, and with it the WAL's checkpoints.
            raw.sqlite3_reset(statement);
        }
    }
}
