using System.Net;
using AIaaS.Grains;
using AIaaS.Grains.Options;
using AIaaS.Silo.Clustering;
using AIaaS.Grains.Security;
using AIaaS.Silo.Options;
using AIaaS.Silo.Security;
using AIaaS.Silo.Telemetry;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace AIaaS.Silo.Extensions;

internal static class SiloHostExtensions
{
    /// <summary>
    /// The silo with the providers that configuration names (<see cref="ClusterTopology"/>); with nothing set,
    /// the embedded defaults: localhost clustering, grain state, the log and models in SQLite under
    /// <c>AIaaS:DataPath</c>, in-memory reminders (re-registered at start).
    /// </summary>
    public static void AddEngineSilo(this WebApplicationBuilder builder)
    {
        var topology = ClusterTopology.Read(builder.Configuration);
        builder.Services.AddSingleton(topology);
        builder.Services.AddOptions<SiloHostOptions>().BindConfiguration(SiloHostOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiloHostOptions>, SiloHostOptionsValidator>();
        builder.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration($"{SiloHostOptions.Section}:Membership");
        builder.Services.AddOptions<GrainCollectionOptions>().BindConfiguration($"{SiloHostOptions.Section}:GrainCollection");

        // Ports and ids come from SiloHostOptions when the options are first read, after all configuration
        // sources (test hosts add theirs late) are in place.
        builder.Services.AddOptions<EndpointOptions>().PostConfigure<IOptions<SiloHostOptions>>((endpoints, silo) =>
        {
            endpoints.SiloPort = silo.Value.SiloPort;
            endpoints.GatewayPort = silo.Value.GatewayPort;
            if (!topology.Kubernetes && IPAddress.TryParse(silo.Value.AdvertisedAddress, out var address))
            {
                endpoints.AdvertisedIPAddress = address;
            }
        });
        builder.Services.AddOptions<ClusterOptions>().PostConfigure<IOptions<SiloHostOptions>>((cluster, silo) =>
        {
            cluster.ClusterId = silo.Value.ClusterId;
            cluster.ServiceId = silo.Value.ServiceId;
        });

        if (topology.Storage == StateProvider.Memory)
        {
            // In-memory state dies with the process: saving it while the silo shuts down is pointless.
            builder.Services.PostConfigure<EngineOptions>(engine => engine.SaveStateOnShutdown = false);
        }

        // Fails fast, with the setting's name, before Orleans' providers retry against an unreachable server.
        builder.Services.AddSingleton<IStartupCheck, ConnectionProbe>();
        builder.Services.AddSingleton<IStartupCheck, SqliteOpenCheck>();
        builder.UseOrleans(silo =>
        {
            silo.UseConfiguredProviders(topology).AddRecommendationEngine();
            if (topology.Dashboard)
            {
                silo.AddDashboard();
            }

            if (EngineTracing.IsConfigured(builder.Configuration))
            {
                // A grain call continues the trace of the HTTP request (or client call) that made it.
                silo.AddActivityPropagation();
            }
        });
    }

    /// <summary>
    /// The Orleans Dashboard at /dashboard, when <c>Orleans:Dashboard:Enabled</c> is true: it shows every grain's
    /// calls and the silos' addresses, so with keys on it needs the admin scope.
    /// </summary>
    public static void MapEngineDashboard(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ClusterTopology>().Dashboard)
        {
            var dashboard = app.MapOrleansDashboard(routePrefix: "/dashboard");
            if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Enabled)
            {
                dashboard.RequireScope(ApiScope.Admin);
            }
        }
    }
}
