using Orleans.Diagnostics;

namespace AIaaS.Silo.Telemetry;

/// <summary>
/// Whether the silo traces: only when <see cref="EndpointSetting"/> names an OTLP collector, so that a silo with
/// nowhere to send spans neither records nor propagates them.
/// </summary>
internal static class EngineTracing
{
    /// <summary>The OpenTelemetry SDK's own setting (an environment variable, or any configuration source).</summary>
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Grain calls the application makes and those of Orleans' own runtime (membership, directory).</summary>
    public static readonly string[] OrleansSources =
        [ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.RuntimeActivitySourceName];

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[EndpointSetting]);
}
