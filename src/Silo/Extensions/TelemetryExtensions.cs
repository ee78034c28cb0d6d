using AIaaS.Grains.Security;
using AIaaS.Grains.Telemetry;
using AIaaS.Silo.Security;
using AIaaS.Silo.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AIaaS.Silo.Extensions;

internal static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry listens to the engine's meter, Orleans' and the .NET runtime's (CPU time, working set, GC heap,
    /// which `aiaas bench live` reads); Prometheus scrapes them at /metrics. With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// set, HTTP requests and the grain calls they make are traced too and sent there over OTLP (the exporter reads
    /// its other <c>OTEL_*</c> settings itself).
    /// </summary>
    public static void AddEngineTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(EngineMetrics.MeterName, "Microsoft.Orleans", "System.Runtime")
            .AddPrometheusExporter());
        if (EngineTracing.IsConfigured(builder.Configuration))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource(EngineTracing.OrleansSources)
                .AddProcessor(new PersonalTagScrubber())
                .AddOtlpExporter());
        }
    }

    /// <summary>/metrics is open, for a scraper on the private network, unless AIaaS:Auth:ProtectMetrics asks for a read key.</summary>
    public static void MapEngineMetrics(this WebApplication app)
    {
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics")
            .WithName("Metrics")
            .WithTags(ApiTags.Operations)
            .WithSummary("Prometheus metrics: the engine's meter and Orleans' instruments")
            .ProducesText(StatusCodes.Status200OK);
        if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value is { Enabled: true, ProtectMetrics: true })
        {
            metrics.RequireScope(ApiScope.Read);
        }
    }
}
