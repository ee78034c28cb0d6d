using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AIaaS.Client;

/// <summary>Adds the recommendation client to a service collection.</summary>
public static class RecommendationClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IRecommendationClient"/> and <see cref="IEventTracker"/>, backed by an Orleans client with
    /// static gateway clustering from <see cref="RecommendationClientOptions"/> and Orleans' activity propagation (grain
    /// calls carry the caller's trace context). The options are validated when the host starts. Calling this again only applies <paramref name="configure"/>. The host must not also be
    /// a silo: inside a silo, wrap its <see cref="IGrainFactory"/> in a <see cref="RecommendationClient"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; the defaults reach a silo on 127.0.0.1:30000.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddRecommendationClient(
        this IServiceCollection services,
        Action<RecommendationClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RecommendationClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (Registration(services) is not null)
        {
            return services;
        }

        services.AddSingleton(new RecommendationClientRegistration());
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor
            .Singleton<IValidateOptions<RecommendationClientOptions>, RecommendationClientOptionsValidator>());
        // Activity propagation lets the application's traces continue into the cluster; it costs nothing unless
        // the application listens to Orleans' activity sources.
        services.AddOrleansClient(client => client
            .UseStaticClustering(gateways => gateways
                .Configure<IOptions<RecommendationClientOptions>>((gateway, o) => gateway.Gateways = GatewayUris(o.Value)))
            .AddActivityPropagation());
        services.AddOptions<ClusterOptions>().Configure<IOptions<RecommendationClientOptions>>((cluster, o) =>
        {
            cluster.ClusterId = o.Value.ClusterId;
            cluster.ServiceId = o.Value.ServiceId;
        });
        services.TryAddSingleton<IRecommendationClient>(
            sp => new RecommendationClient(sp.GetRequiredService<IClusterClient>()));
        services.TryAddSingleton(sp => new EventTracker(
            sp.GetRequiredService<IRecommendationClient>(),
            sp.GetRequiredService<IOptions<RecommendationClientOptions>>().Value.Tracker,
            sp.GetService<ILogger<EventTracker>>(),
            sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IEventTracker>(sp => sp.GetRequiredService<EventTracker>());

        // After AddOrleansClient, so that it stops (and flushes) before the Orleans client does.
        services.AddHostedService<EventTrackerLifetime>();
        return services;
    }

    internal static RecommendationClientRegistration? Registration(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(RecommendationClientRegistration))
            ?.ImplementationInstance as RecommendationClientRegistration;

    private static List<Uri> GatewayUris(RecommendationClientOptions options)
    {
        var gateways = options.Gateways.Count == 0 ? [RecommendationClientOptions.DefaultGateway] : options.Gateways;
        return [.. GatewayEndpoint.Resolve(gateways).Select(endpoint => endpoint.ToGatewayUri())];
    }
}
