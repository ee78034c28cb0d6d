namespace AIaaS.Silo.ClusterTests;

/// <summary>A fact that is skipped, saying why, only where redis-server or PostgreSQL (for the log) cannot run (CI installs both).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string NotInstalled =
        "redis-server is not installed: apt-get install -y redis-server (.ci/run does this) to run the cluster tests.";

    public RedisFactAttribute()
    {
        if (RedisWithPostgreSqlLog.CannotRun() is { } reason)
        {
            Skip = reason;
        }
    }
}
