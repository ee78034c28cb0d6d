using AIaaS.Silo.Options;
using AIaaS.Storage;
using Orleans.Configuration;

namespace AIaaS.Silo.Clustering;

/// <summary>Registers the membership, grain storage and reminder providers that <see cref="ClusterTopology"/> names.</summary>
internal static class ProviderExtensions
{
    public static ISiloBuilder UseConfiguredProviders(this ISiloBuilder silo, ClusterTopology topology)
    {
        silo.UseConfiguredClustering(topology);
        silo.UseConfiguredStorage(topology);
        silo.UseConfiguredReminders(topology);
        silo.UseConfiguredLog(topology);
        if (topology.Kubernetes)
        {
            silo.UseKubernetesHosting();
        }

        return silo;
    }

    private static void UseConfiguredClustering(this ISiloBuilder silo, ClusterTopology topology)
    {
        switch (topology.Clustering)
        {
            case ClusteringProvider.Redis:
                silo.UseRedisClustering(options => options.ConfigurationOptions = topology.Redis!.Clone());
                break;
            case ClusteringProvider.PostgreSql:
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = AdoNetInvariant.PostgreSql;
                    options.ConnectionString = topology.PostgreSql;
                });
                break;
            default:
                silo.UseLocalhostClustering();
                break;
        }
    }

    private static void UseConfiguredStorage(this ISiloBuilder silo, ClusterTopology topology)
    {
        switch (topology.Storage)
        {
            case StateProvider.Redis:
                silo.AddRedisGrainStorageAsDefault(options => options.ConfigurationOptions = topology.Redis!.Clone());
                break;
            case StateProvider.PostgreSql:
                silo.AddAdoNetGrainStorageAsDefault(options =>
                {
                    options.Invariant = AdoNetInvariant.PostgreSql;
                    options.ConnectionString = topology.PostgreSql;
                });
                break;
            case StateProvider.Memory:
                silo.AddMemoryGrainStorageAsDefault();
                break;
            default:
                // Registered with the log below, on the same database.
                break;
        }
    }

    /// <summary>The interaction log, the model store and the item catalog, and with <see cref="StateProvider.Sqlite"/> grain state, in one database.</summary>
    private static void UseConfiguredLog(this ISiloBuilder silo, ClusterTopology topology)
    {
        if (topology.UsesSqlite)
        {
            silo.AddSqliteEngineStorage(topology.DataPath, logAndModels: topology.Log == StateProvider.Sqlite, grainState: topology.Storage == StateProvider.Sqlite);
        }

        switch (topology.Log)
        {
            case StateProvider.Memory:
                silo.AddMemoryEngineStorage();
                break;
            case StateProvider.PostgreSql:
                silo.AddPostgreSqlEngineStorage(topology.PostgreSql!);
                break;
            default:
                break;
        }
    }

    private static void UseConfiguredReminders(this ISiloBuilder silo, ClusterTopology topology)
    {
        switch (topology.Reminders)
        {
            case StateProvider.Redis:
                silo.UseRedisReminderService(options => options.ConfigurationOptions = topology.Redis!.Clone());
                break;
            case StateProvider.PostgreSql:
                silo.UseAdoNetReminderService(options =>
                {
                    options.Invariant = AdoNetInvariant.PostgreSql;
                    options.ConnectionString = topology.PostgreSql;
                });
                break;
            default:
                silo.UseInMemoryReminderService();
                break;
        }
    }
}
