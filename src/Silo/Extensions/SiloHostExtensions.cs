using AIaaS.Grains;
using AIaaS.Grains.Options;
using AIaaS.Silo.Options;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AIaaS.Silo.Extensions;

internal static class SiloHostExtensions
{
    /// <summary>One silo with the embedded defaults: localhost clustering, in-memory storage and reminders.</summary>
    public static void AddEngineSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiloHostOptions>().BindConfiguration(SiloHostOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiloHostOptions>, SiloHostOptionsValidator>();

        // Ports and ids come from SiloHostOptions when the options are first read, after all configuration
        // sources (test hosts add theirs late) are in place.
        builder.Services.AddOptions<EndpointOptions>().PostConfigure<IOptions<SiloHostOptions>>((endpoints, silo) =>
        {
            endpoints.SiloPort = silo.Value.SiloPort;
            endpoints.GatewayPort = silo.Value.GatewayPort;
        });
        builder.Services.AddOptions<ClusterOptions>().PostConfigure<IOptions<SiloHostOptions>>((cluster, silo) =>
        {
            cluster.ClusterId = silo.Value.ClusterId;
            cluster.ServiceId = silo.Value.ServiceId;
        });

        // In-memory state dies with the process: saving it while the silo shuts down is pointless.
        builder.Services.PostConfigure<EngineOptions>(engine => engine.SaveStateOnShutdown = false);

        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .AddMemoryGrainStorageAsDefault()
            .UseInMemoryReminderService()
            .AddRecommendationEngine());
    }
}
