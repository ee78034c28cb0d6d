using Xunit.Abstractions;

namespace AIaaS.Silo.ClusterTests;

/// <summary>
/// The operator's path on PostgreSQL: a silo started on an empty database stops and says to run `aiaas db init`;
/// `aiaas db init` (and again, which must change nothing); then silos on PostgreSQL membership, grain storage and
/// reminders through the restart scenario.
/// </summary>
public sealed class PostgreSqlClusterTests(ITestOutputHelper output)
{
    private readonly ClusterTestOutput _output = new(output);

    [PostgreSqlFact]
    public async Task EmptyDatabase_SiloRefusesUntilDbInit_ThenEverySiloRestartedAndAllCameBack()
    {
        using var postgres = new PostgreSqlServer();
        using (var early = new SiloProcess("silo-before-init", postgres.SiloSettings))
        {
            early.Start();
            Assert.True(await early.WaitForExitAsync(TimeSpan.FromSeconds(60)), "A silo on a database without Orleans' tables kept running.");
            Assert.Equal(2, early.ExitCode);
            Assert.Contains("run `aiaas db init", early.RecentOutput(), StringComparison.Ordinal);
        }

        var first = await AiaasCli.RunAsync("db", "init", "--scripts", PostgreSqlFactAttribute.ScriptsFolder!, "--connection", postgres.ConnectionString);
        Assert.True(first.Exit == 0, first.Error);
        Assert.Equal(4, first.Output.Split('\n').Count(l => l.EndsWith(": applied", StringComparison.Ordinal)));
        var second = await AiaasCli.RunAsync("db", "init", "--scripts", PostgreSqlFactAttribute.ScriptsFolder!, "--connection", postgres.ConnectionString);
        Assert.True(second.Exit == 0, second.Error);
        Assert.Equal(4, second.Output.Split('\n').Count(l => l.Contains(": skipped, table ", StringComparison.Ordinal)));

        using var cluster = new SiloCluster(postgres, size: 2);
        await _output.RunAsync(cluster, () => RestartScenario.RunAsync(cluster, _output.Print));
    }
}
