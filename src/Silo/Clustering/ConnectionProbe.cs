using AIaaS.Silo.Options;
using AIaaS.Storage.PostgreSql;
using Npgsql;
using StackExchange.Redis;

namespace AIaaS.Silo.Clustering;

/// <summary>
/// Runs before the silo starts and turns an unreachable
/// Redis or PostgreSQL into one <see cref="StartupConfigurationException"/> naming the setting, instead of the
/// providers' retry loops and stack traces.
/// </summary>
internal sealed class ConnectionProbe(ClusterTopology topology) : IStartupCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (topology.Redis is { } redis)
        {
            await ProbeRedisAsync(redis);
        }

        if (topology.PostgreSql is { } postgreSql)
        {
            await ProbePostgreSqlAsync(postgreSql, topology, cancellationToken);
        }
    }

    private static async Task ProbeRedisAsync(ConfigurationOptions configured)
    {
        var options = configured.Clone();
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 1;
        options.ConnectTimeout = (int)Timeout.TotalMilliseconds;
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            await connection.GetDatabase().PingAsync();
        }
        catch (RedisException ex)
        {
            throw new StartupConfigurationException(
                $"{ClusterTopology.RedisKey}: cannot reach Redis at {string.Join(",", configured.EndPoints)} ({FirstSentence(ex.Message)})", ex);
        }
    }

    private static async Task ProbePostgreSqlAsync(string connectionString, ClusterTopology topology, CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = (int)Timeout.TotalSeconds };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            var orleans = topology.Clustering == ClusteringProvider.PostgreSql || topology.Storage == StateProvider.PostgreSql || topology.Reminders == StateProvider.PostgreSql;
            await using var command = new NpgsqlCommand("SELECT to_regclass('orleansquery') IS NOT NULL", connection);
            if (orleans && await command.ExecuteScalarAsync(cancellationToken) is not true)
            {
                throw new StartupConfigurationException(
                    $"{ClusterTopology.PostgreSqlKey}: the database has no Orleans tables; run `aiaas db init --connection ... --scripts ...` first.");
            }

            if (topology.Log == StateProvider.PostgreSql)
            {
                await CheckSchemaAsync(connection, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            throw new StartupConfigurationException(
                $"{ClusterTopology.PostgreSqlKey}: cannot use PostgreSQL ({FirstSentence(ex.Message)})", ex);
        }
    }

    /// <summary>The project's tables must be at this build's schema version: `aiaas db init` creates and upgrades them, the silo never does.</summary>
    private static async Task CheckSchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('aiaas_schema_version') IS NOT NULL", connection);
        var version = await exists.ExecuteScalarAsync(cancellationToken) is true
            ? await PostgreSqlSchema.CurrentVersionAsync(connection, null, cancellationToken)
            : 0;
        if (version > PostgreSqlSchema.Latest)
        {
            throw new StartupConfigurationException(
                $"{ClusterTopology.PostgreSqlKey}: the database has AIaaS schema version {version}, newer than this build's {PostgreSqlSchema.Latest}: run a newer AIaaS.");
        }

        if (version < PostgreSqlSchema.Latest)
        {
            throw new StartupConfigurationException(
                $"{ClusterTopology.PostgreSqlKey}: the database has AIaaS schema version {version}, this build needs {PostgreSqlSchema.Latest}; run `aiaas db init --connection ...` first.");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOfAny(['.', '\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
