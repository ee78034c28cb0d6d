using Npgsql;

namespace AIaaS.Silo.Clustering;

/// <summary>
/// Bounds a silo's PostgreSQL connections unless its connection string names a pool size. A silo opens two pools on
/// the one connection string (the engine's data source, and Orleans' ADO.NET providers), and Npgsql's default of 100
/// a pool let two or three silos, under a burst of grain saves and a training's parallel reads, exhaust a server's
/// default max_connections of 100 ("53300: sorry, too many clients already", seen in CI).
/// </summary>
public static class PostgreSqlPool
{
    public const int DefaultMaxPoolSize = 20;

    public static string Bounded(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException($"{ClusterTopology.PostgreSqlKey} is not a valid Npgsql connection string: {ex.Message}");
        }

        var named = connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("poolsize", StringComparison.OrdinalIgnoreCase);
        if (!named)
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return builder.ConnectionString;
    }
}
