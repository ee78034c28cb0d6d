using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// A partition's rows in sequence order, read through SQLite's own statement API straight into a sink. The training
/// reads the whole log this way: Microsoft.Data.Sqlite's reader spent most of that read in per-column type checks,
/// an awaited step per row and a string per id; here a row costs one call per column it needs, and its ids are
/// decoded into a reused buffer.
/// </summary>
internal static class SqlitePartitionReads
{
    private const string Sql = "SELECT seq, user_id, item_id, type, value FROM interaction_log "
        + "WHERE partition = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3";

    /// <summary>
    /// Hands up to <paramref name="limit"/> rows to <paramref name="rows"/>; returns how many, the last one's sequence,
    /// and whether the partition holds more (one row past the page is stepped onto, not handed over).
    /// </summary>
    /// <exception cref="SqliteException">SQLite reported an error.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int Rows, long LastSequence, bool More) Read(SqliteConnection connection, int partition, long afterSequence, int limit, ILogRowSink rows)
    {
        var db = connection.Handle!;
        var statement = SqliteStatements.Raw(connection, Sql);
        var buffer = ArrayPool<char>.Shared.Rent(1024);
        try
        {
            SqliteStatements.Check(db, raw.sqlite3_bind_int(statement, 1, partition));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(statement, 2, afterSequence));
            SqliteStatements.Check(db, raw.sqlite3_bind_int64(statement, 3, limit + 1L));
            int count = 0, step;
            var last = afterSequence;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (count == limit)
                {
                    return (count, last, true);
                }

                last = raw.sqlite3_column_int64(statement, 0);
                var user = Decode(raw.sqlite3_column_blob(statement, 1), ref buffer, 0);
                var userLength = user.Length;
                var item = Decode(raw.sqlite3_column_blob(statement, 2), ref buffer, userLength);
                float? value = raw.sqlite3_column_type(statement, 4) == raw.SQLITE_NULL ? null : (float)raw.sqlite3_column_double(statement, 4);
                rows.Add(last, buffer.AsSpan(0, userLength), item, (EventType)raw.sqlite3_column_int(statement, 3), value);
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
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes UTF-8 <paramref name="bytes"/> into <paramref name="buffer"/> from <paramref name="at"/>, growing it when an id is longer than the room left.</summary>
    private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes, ref char[] buffer, int at)
    {
        if (buffer.Length - at < bytes.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(at + bytes.Length);
            buffer.AsSpan(0, at).CopyTo(larger);
            ArrayPool<char>.Shared.Return(buffer);
            buffer = larger;
        }

        var written = Encoding.UTF8.GetChars(bytes, buffer.AsSpan(at));
        return buffer.AsSpan(at, written);
    }
}
