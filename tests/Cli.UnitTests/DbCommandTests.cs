using System.Net;
using System.Net.Sockets;

namespace AIaaS.Cli.UnitTests;

/// <summary>`aiaas db init`'s bad inputs; applying Orleans' scripts is tested against a real server in Silo.ClusterTests when they are at hand.</summary>
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

    // An existing folder: the connection checks run before the scripts are read.
    private static string ScriptsFolder => Path.GetTempPath();

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
