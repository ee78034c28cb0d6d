using AIaaS.Grains.InteractionLog;
using AIaaS.Grains.Options;
using AIaaS.Grains.Telemetry;
using AIaaS.Grains.Trending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers the engine's services in a silo. Grain storage is the host's choice: the grains use the
    /// default provider (<see cref="StorageNames.Default"/>), which the host must configure.
    /// </summary>
    public static ISiloBuilder AddRecommendationEngine(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<EngineMetrics>();
        services.TryAddSingleton<TrendingAccumulator>();
        services.TryAddSingleton<TrendingCache>();
        services.TryAddSingleton<EngineStatsReader>();
        if (!services.Any(d => d.ServiceType == typeof(TrendingPublisher)))
        {
            services.AddSingleton<TrendingPublisher>();
            services.AddHostedService(sp => sp.GetRequiredService<TrendingPublisher>());
        }

        return silo;
    }
}
