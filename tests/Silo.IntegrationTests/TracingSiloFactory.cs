using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>
/// The silo with tracing switched on the way an operator does it, by naming an OTLP endpoint (the discard port on
/// loopback, where nothing listens), and every span also kept in memory by a <see cref="SpanRecorder"/>.
/// </summary>
public sealed class TracingSiloFactory : SiloFactory
{
    public SpanRecorder Recorder { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9");
        builder.ConfigureTestServices(services => services
            .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(Recorder)));
    }
}

[CollectionDefinition(Name)]
public sealed class TracingSiloCollection : ICollectionFixture<TracingSiloFactory>
{
    public const string Name = "tracing silo";
}
