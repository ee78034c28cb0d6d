using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// What the log's user or item keys name (007_log_keys.sql), for the training's read of whole partitions: the ids are
/// read once, not once per row. A key is never handed out again (AUTOINCREMENT), so a remembered name stays true after
/// its row is deleted. Keys are looked up without a lock; a key not known yet loads every key above the highest known,
/// on the reading connection, so the rows and their keys come from one snapshot.
/// </summary>
internal sealed class SqliteLogKeyNames(string table, string idColumn)
{
    private readonly string _above = $"SELECT key, {idColumn} FROM {table} WHERE key > ?1 ORDER BY key";
    private readonly string _one = $"SELECT {idColumn} FROM {table} WHERE key = ?1";
    private readonly Lock _loading = new();
    private string?[] _names = new string?[1024];
    private long _loadedThrough;

    /// <summary>The id <paramref name="key"/> names, read through <paramref name="connection"/> if it is not known yet.</summary>
    /// <exception cref="InvalidOperationException">No row of the table has the key (the log refers to a key its table lacks).</exception>
    public string NameOf(SqliteConnection connection, long key)
    {
        var names = Volatile.Read(ref _names);
        return (ulong)key < (ulong)names.Length && names[key] is { } name ? name : Load(connection, key);
    }

    private string Load(SqliteConnection connection, long key)
    {
        lock (_loading)
        {
            var db = connection.Handle!;
            var above = SqliteStatements.Raw(connection, _above);
            try
            {
                SqliteStatements.Check(db, raw.sqlite3_bind_int64(above, 1, _loadedThrough));
                int step;
                while ((step = raw.sqlite3_step(above)) == raw.SQLITE_ROW)
                {
                    _loadedThrough = raw.sqlite3_column_int64(above, 0);
                    Remember(_loadedThrough, raw.sqlite3_column_text(above, 1).utf8_to_string());
                }

                if (step != raw.SQLITE_DONE)
                {
                    SqliteStatements.Check(db, step);
                }
            }
            finally
            {
                raw.sqlite3_reset(above);
            }

            if ((ulong)key < (ulong)_names.Length && _names[key] is { } loaded)
            {
                return loaded;
            }

            // A key below the highest known that was not there when the keys were loaded: a reader's older snapshot
            // still holds a user erased since.
            var one = SqliteStatements.Raw(connection, _one);
            try
            {
                SqliteStatements.Check(db, raw.sqlite3_bind_int64(one, 1, key));
                var step = raw.sqlite3_step(one);
                if (step == raw.SQLITE_ROW)
                {
                    var name = raw.sqlite3_column_text(one, 0).utf8_to_string();
                    Remember(key, name);
                    return name;
                }

                if (step != raw.SQLITE_DONE)
                {
                    SqliteStatements.Check(db, step);
                }
            }
            finally
            {
                raw.sqlite3_reset(one);
            }

            throw new InvalidOperationException($"The interaction log refers to key {key} of {table}, which has no such row.");
        }
    }

    private void Remember(long key, string name)
    {
        if (key < 0 || key >= Array.MaxLength)
        {
            throw new InvalidOperationException($"{table} holds key {key}, outside 0–{Array.MaxLength - 1}.");
        }

        var names = _names;
        if (key >= names.Length)
        {
            var larger = new string?[(int)Math.Min(Math.Max(2L * names.Length, key + 1), Array.MaxLength)];
            names.CopyTo(larger, 0);
            larger[key] = name;
            Volatile.Write(ref _names, larger);
            return;
        }

        names[key] = name;
    }
}
