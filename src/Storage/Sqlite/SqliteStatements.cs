using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// Prepared statements kept per open connection. Preparing a statement cost as much as running it on the hot paths
/// (a log append, a grain-state read), so each long-lived connection prepares each statement once: as a
/// Microsoft.Data.Sqlite command, or as SQLite's own statement where a row is bound and stepped per event. A
/// connection is used by one caller at a time (the writer's loop, or a reader taken from the pool), so no locking is
/// needed.
/// </summary>
internal static class SqliteStatements
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Cache = [];
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, sqlite3_stmt>> RawCache = [];

    public static SqliteCommand For(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        var commands = Cache.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>SQLite's own statement for <paramref name="sql"/> on <paramref name="connection"/>, reset and with its bindings cleared.</summary>
    /// <exception cref="SqliteException">The statement could not be prepared.</exception>
    public static sqlite3_stmt Raw(SqliteConnection connection, string sql)
    {
        var statements = RawCache.GetOrCreateValue(connection);
        if (statements.TryGetValue(sql, out var statement))
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
            return statement;
        }

        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement));
        statements[sql] = statement;
        return statement;
    }

    /// <summary>Throws the connection's error message unless <paramref name="rc"/> is SQLITE_OK.</summary>
    /// <exception cref="SqliteException">SQLite reported an error.</exception>
    public static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc);
        }
    }

    /// <summary>Disposes the connection's prepared statements (before the connection itself is disposed).</summary>
    public static void Release(SqliteConnection connection)
    {
        if (Cache.TryGetValue(connection, out var commands))
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            Cache.Remove(connection);
        }

        if (RawCache.TryGetValue(connection, out var statements))
        {
            foreach (var statement in statements.Values)
            {
                statement.Dispose();
            }

            RawCache.Remove(connection);
        }
    }
}
