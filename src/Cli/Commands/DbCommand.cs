using System.CommandLine;
using System.Net.Sockets;
using AIaaS.Cli.Database;
using AIaaS.Storage.Schema;
using Npgsql;

namespace AIaaS.Cli.Commands;

/// <summary>
/// `aiaas db init`: creates the project's tables (the interaction log, the models) in a PostgreSQL database and, with
/// --scripts, the tables Orleans' ADO.NET providers use.
/// </summary>
internal static class DbCommand
{
    private const int ConnectTimeoutSeconds = 5;

    public static Command Create()
    {
        var connection = new Option<string>("--connection")
        {
            Description = "Npgsql connection string, e.g. \"Host=db;Port=5432;Database=aiaas;Username=aiaas;Password=...\"",
            Required = true,
        };
        var scripts = new Option<string?>("--scripts")
        {
            Description = "Folder with Orleans' PostgreSQL scripts (PostgreSQL-Main.sql, -Clustering, -Persistence, -Reminders) for the Orleans version in use; see docs/cluster.md. "
                + "Without it only the project's own tables are created",
        };
        var init = new Command("init", "Create the project's tables (interaction log, models) and, with --scripts, Orleans' clustering, grain storage and reminder tables (skips what exists)");
        init.Options.Add(connection);
        init.Options.Add(scripts);
        init.SetAction((ParseResult r, CancellationToken ct) => CliErrors.RunAsync(() => InitAsync(r.GetValue(connection)!, r.GetValue(scripts), ct)));
        var db = new Command("db", "Prepare a PostgreSQL database for a silo cluster (ConnectionStrings:PostgreSql)");
        db.Subcommands.Add(init);
        return db;
    }

    private static async Task<int> InitAsync(string connectionString, string? scripts, CancellationToken cancellationToken)
    {
        if (scripts is not null && !Directory.Exists(scripts))
        {
            return CliErrors.Fail($"--scripts: folder {scripts} does not exist; it must hold Orleans' PostgreSQL scripts ({string.Join(", ", OrleansSchema.Scripts.Select(s => s.Name))})");
        }

        var builder = Parse(connectionString);
        var server = $"{builder.Host}:{builder.Port}";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            return CliErrors.Fail($"PostgreSQL at {server} refused the connection: {e.MessageText} ({e.SqlState})");
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return CliErrors.Fail($"cannot reach PostgreSQL at {server}: {Innermost(e).Message.ReplaceLineEndings(" ")}");
        }

        try
        {
            if (scripts is not null)
            {
                foreach (var line in await OrleansSchema.ApplyAsync(connection, scripts, cancellationToken))
                {
                    Console.WriteLine(line);
                }
            }

            Console.WriteLine(await AiaasSchema.ApplyAsync(connection, cancellationToken));
        }
        catch (PostgresException e)
        {
            return CliErrors.Fail($"PostgreSQL at {server} rejected the schema: {e.MessageText} ({e.SqlState})");
        }
        catch (StorageStartupException e)
        {
            return CliErrors.Fail(e.Message);
        }

        var ready = scripts is null ? "the interaction log and models (Orleans' tables: run again with --scripts)" : "Orleans clustering, grain storage and reminders, the interaction log and models";
        Console.WriteLine($"database {builder.Database ?? builder.Username} at {server} is ready for {ready}");
        return 0;
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = ConnectTimeoutSeconds };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new ArgumentException($"--connection is not a valid Npgsql connection string: {e.Message}", e);
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? throw new ArgumentException("--connection names no Host (e.g. \"Host=127.0.0.1;Port=5432;Username=...;Database=...\").")
            : builder;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
