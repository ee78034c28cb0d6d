using Xunit.Abstractions;

namespace AIaaS.Silo.ClusterTests;

/// <summary>One silo with no storage configuration (SQLite under AIaaS:DataPath): what it acknowledged survives a stop and a SIGKILL.</summary>
public sealed class EmbeddedDefaultTests(ITestOutputHelper output)
{
    private readonly ClusterTestOutput _output = new(output);

    [Fact]
    public async Task Stop_EverythingComesBackFromTheDataPath()
    {
        using var store = new EmbeddedStore();
        using var cluster = new SiloCluster(store, size: 1);
        await _output.RunAsync(cluster, () => RestartScenario.RunAsync(cluster, _output.Print));
    }

    [Fact]
    public async Task KillNine_EverythingSavedComesBackAndTheLogIsWhole()
    {
        using var store = new EmbeddedStore();
        using var cluster = new SiloCluster(store, size: 1);
        await _output.RunAsync(cluster, () => RestartScenario.RunAsync(cluster, _output.Print, killAfter: TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public async Task DataPathIsAFile_ExitCode2WithOneLineNamingIt()
    {
        var file = Path.GetTempFileName();
        try
        {
            using var silo = new SiloProcess("silo-bad-path", new Dictionary<string, string> { ["AIaaS__DataPath"] = file });
            silo.Start();

            Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)), "A silo whose data path is a file kept running.");
            Assert.Equal(2, silo.ExitCode);
            Assert.Contains($"AIaaS:DataPath '{file}'", silo.RecentOutput(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
