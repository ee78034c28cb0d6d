using System.Net;
using System.Net.Sockets;
using AIaaS.Silo.ClusterTests;
using Npgsql;

namespace AIaaS.Cli.UnitTests;

/// <summary>`aiaas db init`'s bad inputs and the project's tables; applying Orleans' scripts is tested against a real server in Silo.ClusterTests when they are at hand.</summary>
public sealed class DbCommandTests
{
    [Fact]
    public async Task DbInit_UnknownKeyword_OneLineErrorNamingTheOption()
    {
        var (exit, error) = await CommandLineTests.RunAsync("db", "init", "--scripts", ScriptsFolder, "--connection", "Hots=127.0.0.1");

        Assert.Equal(1, exit);
        Assert.StartsWith("aiaas: --connection is not a valid Npgsql connection string", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task DbInit_PortNotANumber_Rejected()
    {
        var (exit, error) = await CommandLineTests.RunAsync("db", "init", "--scripts", ScriptsFolder, "--connection", "Host=127.0.0.1;Port=five");

        Assert.Equal(1, exit);
        Assert.StartsWith("aiaas: --connection is not a valid Npgsql connection string", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbInit_NoHost_Rejected()
    {
        var (exit, error) = await CommandLineTests.RunAsync("db", "init", "--scripts", ScriptsFolder, "--connection", "Port=5432;Username=aiaas");

        Assert.Equal(1, exit);
        Assert.StartsWith("aiaas: --connection names no Host", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbInit_ServerNotListening_OneLineErrorNamingTheServer()
    {
        var port = UnusedLoopbackPort();

        var (exit, error) = await CommandLineTests.RunAsync("db", "init", "--scripts", ScriptsFolder, "--connection", $"Host=127.0.0.1;Port={port};Username=aiaas");

        Assert.Equal(1, exit);
        Assert.StartsWith($"aiaas: cannot reach PostgreSQL at 127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task DbInit_ScriptsFolderMissing_OneLineErrorNamingTheScripts()
    {
        var (exit, error) = await CommandLineTests.RunAsync("db", "init", "--scripts", Path.Combine(ScriptsFolder, "nope"), "--connection", "Host=127.0.0.1");

        Assert.Equal(1, exit);
        Assert.StartsWith("aiaas: --scripts: folder", error, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL-Main.sql", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [PostgreSqlServerFact]
    public async Task DbInit_WithoutScripts_CreatesTheProjectsTablesOnlyThenAppliesNothingAgain()
    {
        using var postgres = new PostgreSqlServer();

        var first = await CommandLineTests.RunWithOutputAsync("db", "init", "--connection", postgres.ConnectionString);
        var second = await CommandLineTests.RunWithOutputAsync("db", "init", "--connection", postgres.ConnectionString);

        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("aiaas tables: applied 001_log.sql, 002_models.sql, 003_catalog.sql, 004_api_keys.sql, 005_log_users_listed.sql, 006_item_counts_by_partition.sql (schema version ", first.Output, StringComparison.Ordinal);
        Assert.True(second.Exit == 0, second.Error);
        Assert.Contains("is current, nothing to apply", second.Output, StringComparison.Ordinal);
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var tables = dataSource.CreateCommand(
            "SELECT to_regclass('aiaas_interaction_log') IS NOT NULL, to_regclass('aiaas_models') IS NOT NULL, to_regclass('orleansquery') IS NULL");
        await using var reader = await tables.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetBoolean(0) && reader.GetBoolean(1) && reader.GetBoolean(2), "the log and model tables, and no Orleans table");
    }

    // An existing folder: the connection checks run before the scripts are read.
    private static string ScriptsFolder => Path.GetTempPath();

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
