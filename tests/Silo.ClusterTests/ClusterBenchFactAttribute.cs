namespace AIaaS.Silo.ClusterTests;

/// <summary>A measurement, not a check: runs only with AIAAS_CLUSTER_BENCH=1 (and redis-server installed).</summary>
public sealed class ClusterBenchFactAttribute : FactAttribute
{
    public ClusterBenchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("AIAAS_CLUSTER_BENCH") != "1")
        {
            Skip = "A benchmark: set AIAAS_CLUSTER_BENCH=1 to run it (docs/benchmarks.md, section Cluster).";
        }
        else if (RedisWithPostgreSqlLog.CannotRun() is { } reason)
        {
            Skip = reason;
        }
    }
}
