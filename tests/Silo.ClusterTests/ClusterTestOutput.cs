using Xunit.Abstractions;

namespace AIaaS.Silo.ClusterTests;

/// <summary>Prints measured figures to the test output and the console; on failure, the silos' recent output.</summary>
public sealed class ClusterTestOutput(ITestOutputHelper output)
{
    public async Task RunAsync(SiloCluster cluster, Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch
        {
            output.WriteLine(cluster.RecentOutput());
            throw;
        }
    }

    public void Print(string line)
    {
        output.WriteLine(line);
        Console.WriteLine($"cluster-test: {line}");
    }
}
