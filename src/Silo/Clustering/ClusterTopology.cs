using AIaaS.Storage.PostgreSql;
using AIaaS.Silo.Options;
using StackExchange.Redis;

namespace AIaaS.Silo.Clustering;

/// <summary>
/// The providers this silo uses, read once while the host is built (they decide which services are registered,
/// so they cannot wait for the options system). Every mistake is a <see cref="StartupConfigurationException"/>
/// naming its key.
/// </summary>
internal sealed record ClusterTopology(
    ClusteringProvider Clustering,
    StateProvider Storage,
    StateProvider Reminders,
    StateProvider Log,
    string DataPath,
    bool Kubernetes,
    bool Dashboard,
    ConfigurationOptions? Redis,
    string? PostgreSql)
{
    public const string RedisKey = "ConnectionStrings:Redis";
    public const string PostgreSqlKey = "ConnectionStrings:PostgreSql";
    public const string DataPathKey = "AIaaS:DataPath";
    public const string LogKey = "AIaaS:Storage:Provider";

    /// <summary>Whether anything lives in the SQLite database under <see cref="DataPath"/>.</summary>
    public bool UsesSqlite => Storage == StateProvider.Sqlite || Log == StateProvider.Sqlite;

    /// <summary>
    /// Under <c>Orleans</c>, but not <c>Orleans:Clustering</c> or <c>Orleans:Reminders</c>: Orleans 10 claims those
    /// sections for its own configuration-driven providers (<c>ProviderType</c>) and fails on any other value.
    /// </summary>
    public const string ProvidersSection = "Providers";

    public static ClusterTopology Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SiloHostOptions.Section);
        var providers = section.GetSection(ProvidersSection);
        var clustering = Parse(providers, "Clustering", ClusteringProvider.Localhost);
        var storage = Parse(providers, "Storage", StateProvider.Sqlite);
        var reminders = Parse(providers, "Reminders", StateProvider.Memory);
        var log = Parse(configuration.GetSection("AIaaS:Storage"), "Provider", storage switch
        {
            StateProvider.Memory => StateProvider.Memory,
            StateProvider.PostgreSql => StateProvider.PostgreSql,
            _ => StateProvider.Sqlite,
        });
        if (reminders == StateProvider.Sqlite)
        {
            throw new StartupConfigurationException(
                $"{SiloHostOptions.Section}:{ProvidersSection}:Reminders cannot be Sqlite: use Memory (re-registered at start), Redis or PostgreSql.");
        }

        if (log == StateProvider.Redis)
        {
            throw new StartupConfigurationException(
                $"{LogKey} cannot be Redis: the interaction log and the models go to PostgreSql (a cluster) or Sqlite (one silo); Redis may keep membership, grain state and reminders.");
        }
        var kubernetes = section.GetValue<bool>("Kubernetes");
        var dashboard = section.GetValue<bool>("Dashboard:Enabled");

        var usesRedis = clustering == ClusteringProvider.Redis || storage == StateProvider.Redis || reminders == StateProvider.Redis;
        var usesPostgreSql = clustering == ClusteringProvider.PostgreSql || storage == StateProvider.PostgreSql || reminders == StateProvider.PostgreSql
            || log == StateProvider.PostgreSql;
        var dataPath = configuration[DataPathKey];
        if (kubernetes && clustering == ClusteringProvider.Localhost)
        {
            throw new StartupConfigurationException(
                $"{SiloHostOptions.Section}:Kubernetes needs a shared membership table: set {SiloHostOptions.Section}:{ProvidersSection}:Clustering to Redis or PostgreSql.");
        }

        return new ClusterTopology(
            clustering,
            storage,
            reminders,
            log,
            string.IsNullOrWhiteSpace(dataPath) ? "data" : dataPath,
            kubernetes,
            dashboard,
            usesRedis ? ParseRedis(Required(configuration, RedisKey)) : null,
            usesPostgreSql ? PostgreSqlSessions.Kept(PostgreSqlPool.Bounded(Required(configuration, PostgreSqlKey))) : null);
    }

    private static T Parse<T>(IConfigurationSection section, string key, T fallback)
        where T : struct, Enum
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        throw new StartupConfigurationException(
            $"{section.Path}:{key} must be one of {string.Join(", ", Enum.GetNames<T>())} (was '{value}').");
    }

    private static string Required(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value)
            ? throw new StartupConfigurationException(
                $"{key} is required by the configured Orleans providers (set it in the environment, e.g. {key.Replace(":", "__", StringComparison.Ordinal)}).")
            : value;
    }

    private static ConfigurationOptions ParseRedis(string connectionString)
    {
        try
        {
            return ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException($"{RedisKey} is not a valid Redis connection string: {ex.Message}", ex);
        }
    }
}
