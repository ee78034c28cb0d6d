namespace AIaaS.Silo.ClusterTests;

/// <summary>A fact that is skipped, saying why, only where redis-server is not installed (CI installs it).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string NotInstalled =
        "redis-server is not installed: apt-get install -y redis-server (.ci/run does this) to run the cluster tests.";

    public RedisFactAttribute()
    {
        if (RedisServer.Find() is null)
        {
            Skip = NotInstalled;
        }
    }
}
