namespace AIaaS.Silo.ClusterTests;

/// <summary>
/// The Redis deployment as the docs describe it: Redis for membership, grain state and reminders, and the interaction
/// log and models in PostgreSQL (a log whose size is the whole history does not belong in Redis). Both servers are
/// throwaway; the project's tables are created with `aiaas db init`, as an operator would.
/// </summary>
public sealed class RedisWithPostgreSqlLog : IClusterStore, IDisposable
{
    private readonly RedisServer _redis;
    private readonly PostgreSqlServer _postgres;

    private RedisWithPostgreSqlLog(RedisServer redis, PostgreSqlServer postgres)
    {
        _redis = redis;
        _postgres = postgres;
    }

    /// <summary>Why the pair cannot run here, or null when it can.</summary>
    public static string? CannotRun() => RedisServer.Find() is null ? RedisFactAttribute.NotInstalled : PostgreSqlServer.CannotRun();

    public static async Task<RedisWithPostgreSqlLog> StartAsync()
    {
        var redis = new RedisServer();
        PostgreSqlServer? postgres = null;
        try
        {
            postgres = new PostgreSqlServer();
            var init = await AiaasCli.RunAsync("db", "init", "--connection", postgres.ConnectionString);
            return init.Exit == 0 ? new RedisWithPostgreSqlLog(redis, postgres) : throw new InvalidOperationException($"aiaas db init failed: {init.Error}");
        }
        catch
        {
            postgres?.Dispose();
            redis.Dispose();
            throw;
        }
    }

    public IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>(_redis.SiloSettings)
    {
        ["AIaaS__Storage__Provider"] = "PostgreSql",
        ["ConnectionStrings__PostgreSql"] = _postgres.ConnectionString,
    };

    public void Dispose()
    {
        _redis.Dispose();
        _postgres.Dispose();
    }
}
