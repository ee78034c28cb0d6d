using AIaaS.Grains.Telemetry;
using OpenTelemetry.Metrics;

namespace AIaaS.Silo.Extensions;

internal static class TelemetryExtensions
{
    /// <summary>OpenTelemetry listens to the engine's meter and Orleans'; Prometheus scrapes them at /metrics.</summary>
    public static void AddEngineTelemetry(this WebApplicationBuilder builder) =>
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(EngineMetrics.MeterName, "Microsoft.Orleans")
            .AddPrometheusExporter());

    public static void MapEngineMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint("/metrics")
            .WithName("Metrics")
            .WithTags(ApiTags.Operations)
            .WithSummary("Prometheus metrics: the engine's meter and Orleans' instruments")
            .ProducesText(StatusCodes.Status200OK);
}
