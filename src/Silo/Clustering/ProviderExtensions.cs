using AIaaS.Silo.Options;
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
            default:
                silo.AddMemoryGrainStorageAsDefault();
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
