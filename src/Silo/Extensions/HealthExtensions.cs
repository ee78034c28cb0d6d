using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AIaaS.Silo.Extensions;

internal static class HealthExtensions
{
    private const string ReadyTag = "ready";

    public static void AddEngineHealthChecks(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [ReadyTag]);

    /// <summary>Liveness is the process alone; readiness needs an active silo that can reach its grains.</summary>
    public static void MapEngineHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithName("HealthLive")
            .WithTags(ApiTags.Operations)
            .WithSummary("Liveness: the process answers")
            .ProducesText(StatusCodes.Status200OK);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .WithName("HealthReady")
            .WithTags(ApiTags.Operations)
            .WithSummary("Readiness: an active silo whose grains answer, that serves the cluster's current model and has warmed its serving path")
            .ProducesText(StatusCodes.Status200OK, StatusCodes.Status503ServiceUnavailable);
    }
}
