using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// Prepared commands kept per open connection. Preparing a statement cost as much as running it on the hot paths
/// (a log append, a grain-state read), so each long-lived connection prepares each statement once. A connection is
/// used by one caller at a time (the writer's loop, or a reader taken from the pool), so no locking is needed.
/// </summary>
internal static class SqliteStatements
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Cache = [];

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

    /// <summary>Disposes the connection's prepared commands (before the connection itself is disposed).</summary>
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
    }
}
