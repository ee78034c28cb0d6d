using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIaaS.Client;

/// <summary>Adds the recommendation client to a host application builder.</summary>
public static class RecommendationClientHostApplicationBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="IRecommendationClient"/> and <see cref="IEventTracker"/> like
    /// <see cref="RecommendationClientServiceCollectionExtensions.AddRecommendationClient"/>, with options bound
    /// from the <c>RecommendationClient</c> configuration section first and <paramref name="configure"/> after.
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Sets the options after configuration is bound.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddRecommendationClient(
        this IHostApplicationBuilder builder,
        Action<RecommendationClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var bound = RecommendationClientServiceCollectionExtensions.Registration(services)?.ConfigurationBound ?? false;
        if (!bound)
        {
            // Bound once only: binding again would append the configured gateways a second time.
            services.AddOptions<RecommendationClientOptions>()
                .Bind(builder.Configuration.GetSection(RecommendationClientOptions.SectionName));
        }

        services.AddRecommendationClient(configure);
        RecommendationClientServiceCollectionExtensions.Registration(services)!.ConfigurationBound = true;
        return builder;
    }
}
