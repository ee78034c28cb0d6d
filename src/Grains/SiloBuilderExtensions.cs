using AIaaS.Grains.Catalog;
using AIaaS.Grains.Inference;
using AIaaS.Grains.InteractionLog;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Telemetry;
using AIaaS.Grains.Trending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace AIaaS.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers the engine's services in a silo. Storage is the host's choice: the grains use the default grain
    /// storage provider (<see cref="StorageNames.Default"/>) and the log and model store ports
    /// (<see cref="Storage.IInteractionLogStore"/>, <see cref="Storage.IModelStore"/>, <see cref="Storage.IItemCatalogStore"/>), which the host must register.
    /// </summary>
    public static ISiloBuilder AddRecommendationEngine(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>());
        services.AddOptions<RecommendationOptions>().BindConfiguration(RecommendationOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecommendationOptions>, RecommendationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Engine state is large and written on the ingest path: store it with Orleans' binary,
        // version-tolerant serializer (the [Id] contracts) rather than the default JSON, which cost
        // most of the ingest CPU when measured.
        services.Replace(ServiceDescriptor.Singleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>());
        services.AddMetrics();
        services.TryAddSingleton<RecentActivity>();
        services.TryAddSingleton<EngineMetrics>();
        services.TryAddSingleton<StateSaving>();
        services.TryAddSingleton<Users.ResidentUsers>();
        services.TryAddSingleton<TrendingAccumulator>();
        services.TryAddSingleton<TrendingCache>();
        services.TryAddSingleton<EngineStatsReader>();
        services.AddOptions<RetrainingOptions>().BindConfiguration(RetrainingOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                // The retention is a property of the model store, so its documented key is AIaaS:Models:Retain.
                if (configuration.GetValue<int?>(RetrainingOptions.RetainKey) is { } retain)
                {
                    o.Retain = retain;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetrainingOptions>, RetrainingOptionsValidator>());
        services.TryAddSingleton<ModelCatalog>();
        services.TryAddSingleton<CatalogDeltaCache>();
        services.TryAddSingleton<ItemCatalog>();
        services.TryAddSingleton<Users.Recommender>();
        if (!services.Any(d => d.ServiceType == typeof(ItemCatalogRefresher)))
        {
            services.AddSingleton<ItemCatalogRefresher>();
            services.AddHostedService(sp => sp.GetRequiredService<ItemCatalogRefresher>());
        }

        if (!services.Any(d => d.ServiceType == typeof(ModelCatalogRefresher)))
        {
            services.AddSingleton<ModelCatalogRefresher>();
            services.AddHostedService(sp => sp.GetRequiredService<ModelCatalogRefresher>());
        }

        services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>());
        if (!services.Any(d => d.ServiceType == typeof(InferenceService)))
        {
            services.AddSingleton<InferenceService>();
            services.AddHostedService(sp => sp.GetRequiredService<InferenceService>());
        }

        if (!services.Any(d => d.ServiceType == typeof(TrendingPublisher)))
        {
            services.AddSingleton<TrendingPublisher>();
            services.AddHostedService(sp => sp.GetRequiredService<TrendingPublisher>());
        }

        return silo;
    }
}
