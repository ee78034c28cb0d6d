using System.Net;
using System.Net.Sockets;

namespace AIaaS.Cli.UnitTests;

/// <summary>`aiaas db init`'s bad inputs; applying the scripts is tested against a real server in Silo.ClusterTests.</summary>
public sealed class DbCommandTests
{
    [Fact]
    public async Task DbInit_UnknownKeyword_OneLineErrorNamingTheOption()
    {
        var (exit, error) = await CommandLineTests.RunAsync("db", "init", "--connection", "Hots=127.0.0.1");

        Assert.Equal(1, exit);
        Assert.StartsWith("aiaas: --connection is not a valid Npgsql connection string", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task DbInit_PortNotANumber_Rejected()
    {
        var (exit, error) = await CommandLineTests.RunAsync("db", "init", "--connection", "Host=127.0.0.1;Port=five");

        Assert.Equal(1, exit);
        Assert.StartsWith("aiaas: --connection is not a valid Npgsql connection string", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbInit_NoHost_Rejected()
    {
        var (exit, error) = await CommandLineTests.RunAsync("db", "init", "--connection", "Port=5432;Username=aiaas");

        Assert.Equal(1, exit);
        Assert.StartsWith("aiaas: --connection names no Host", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbInit_ServerNotListening_OneLineErrorNamingTheServer()
    {
        var port = UnusedLoopbackPort();

        var (exit, error) = await CommandLineTests.RunAsync("db", "init", "--connection", $"Host=127.0.0.1;Port={port};Username=aiaas");

        Assert.Equal(1, exit);
        Assert.StartsWith($"aiaas: cannot reach PostgreSQL at 127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void OrleansSchema_EveryScript_EmbeddedWithItsSourceAndLicence()
    {
        foreach (var script in AIaaS.Cli.Database.OrleansSchema.Scripts)
        {
            var text = script.ReadText();

            Assert.StartsWith("-- Source: https://github.com/dotnet/orleans/blob/", text, StringComparison.Ordinal);
            Assert.Contains("MIT License", text, StringComparison.Ordinal);
            Assert.Contains($"CREATE TABLE {script.Table}", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
