using System.Net.Sockets;
using AIaaS.Storage.Schema;
using Npgsql;

namespace AIaaS.Storage.PostgreSql;

/// <summary>
/// The project's own tables in PostgreSQL (all named <c>aiaas_*</c>, beside Orleans' <c>orleans*</c> tables): the
/// embedded migrations (<c>PostgreSql/Migrations/NNN_*.sql</c>) applied in order in one transaction, each recorded in
/// <c>aiaas_schema_version</c>. A transaction-level advisory lock lets silos that start together apply them once.
/// The silo runs it at start-up, and <c>aiaas db init</c> runs the same files.
/// </summary>
public static class PostgreSqlSchema
{
    /// <summary>The setting that names the database, for messages.</summary>
    public const string Setting = "ConnectionStrings:PostgreSql";

    // Any constant does, as long as every AIaaS build takes the same one: "AIaaS" and 1.
    private const long MigrationLock = 0x4149_6141_5300_0001;

    /// <summary>The migrations this build carries, by version.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.Embedded("PostgreSql.Migrations");

    /// <summary>The schema version this build brings a database to.</summary>
    public static int Latest => Migrations[^1].Version;

    /// <summary>Brings the database's schema up to date; returns the migrations applied (none when it was current).</summary>
    /// <exception cref="StorageStartupException">The database cannot be reached or changed, or a newer build migrated it; the message names <see cref="Setting"/>.</exception>
    public static async Task<IReadOnlyList<Migration>> EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await EnsureAsync(connection, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            var where = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            throw new StorageStartupException(
                $"{Setting}: cannot use PostgreSQL database '{where.Database ?? where.Username}' at {where.Host}:{where.Port}: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    /// <summary>Brings the schema of <paramref name="connection"/>'s database up to date; returns the migrations applied.</summary>
    /// <exception cref="StorageStartupException">A newer build migrated the database; the message names <see cref="Setting"/>.</exception>
    public static async Task<IReadOnlyList<Migration>> EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = MigrationLock });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS aiaas_schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
        if (current > Latest)
        {
            throw new StorageStartupException(
                $"{Setting}: database '{connection.Database}' at {connection.Host}:{connection.Port} has AIaaS schema version {current}, newer than this build's {Latest}: run a newer AIaaS or point {Setting} elsewhere.");
        }

        var applied = new List<Migration>();
        foreach (var migration in Migrations)
        {
            if (migration.Version > current)
            {
                await ApplyAsync(connection, transaction, migration, cancellationToken);
                applied.Add(migration);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    /// <summary>The highest version applied to the database, 0 for none.</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM aiaas_schema_version", connection, transaction);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Migration migration, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var record = new NpgsqlCommand("INSERT INTO aiaas_schema_version (version, name) VALUES ($1, $2)", connection, transaction);
        record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
        record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
        await record.ExecuteNonQueryAsync(cancellationToken);
    }
}
