using AIaaS.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace AIaaS.Storage.Sqlite;

/// <summary>Applies the embedded migrations in order, each in a transaction with the version it reaches; refuses a newer database.</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<Migration> Migrations = Migration.Embedded("Sqlite.Migrations");

    public static int Latest => Migrations[^1].Version;

    public static void Migrate(SqliteConnection connection, string file)
    {
        SqliteDatabase.Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        var current = CurrentVersion(connection);
        if (current > Latest)
        {
            throw new StorageStartupException(
                $"AIaaS:DataPath database '{file}' has schema version {current}, newer than this build's {Latest}: run a newer AIaaS or point AIaaS:DataPath elsewhere.");
        }

        foreach (var migration in Migrations)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction();
            SqliteDatabase.Execute(connection, migration.Sql, transaction);
            SqliteDatabase.Execute(connection, $"DELETE FROM schema_version; INSERT INTO schema_version VALUES ({migration.Version})", transaction);
            transaction.Commit();
        }
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
