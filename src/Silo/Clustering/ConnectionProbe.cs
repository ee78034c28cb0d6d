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
            await ProbePostgreSqlAsync(postgreSql, cancellationToken);
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

    private static async Task ProbePostgreSqlAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = (int)Timeout.TotalSeconds };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT to_regclass('orleansquery') IS NOT NULL", connection);
            if (await command.ExecuteScalarAsync(cancellationToken) is not true)
            {
                throw new StartupConfigurationException(
                    $"{ClusterTopology.PostgreSqlKey}: the database has no Orleans tables; run `aiaas db init --connection ...` first.");
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            throw new StartupConfigurationException(
                $"{ClusterTopology.PostgreSqlKey}: cannot use PostgreSQL ({FirstSentence(ex.Message)})", ex);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOfAny(['.', '\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
