using AIaaS.Cli.Bench;

namespace AIaaS.Cli.UnitTests;

/// <summary>The runtime gauges `bench live` reads from a silo's Prometheus text.</summary>
public sealed class SiloGaugesTests
{
    [Fact]
    public void Parse_SiloMetrics_SumsEachGaugeOverItsLabels()
    {
        const string text = """
            # TYPE dotnet_process_cpu_time_seconds_total counter
            dotnet_process_cpu_time_seconds_total{otel_scope_name="System.Runtime",cpu_mode="user"} 6.5
            dotnet_process_cpu_time_seconds_total{otel_scope_name="System.Runtime",cpu_mode="system"} 0.25 1764630000000
            dotnet_process_cpu_count{otel_scope_name="System.Runtime"} 2
            dotnet_process_memory_working_set_bytes{otel_scope_name="System.Runtime"} 173772800
            dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 1000
            dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="loh"} 2.5e3
            dotnet_gc_last_collection_heap_fragmentation_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 99
            """;

        var gauges = SiloGauges.Parse(text);

        Assert.Equal(new SiloGauges(6.75, 173772800, 3500), gauges);
    }

    [Fact]
    public void Parse_WithoutTheRuntimeMeter_Null() =>
        Assert.Null(SiloGauges.Parse("aiaas_events_ingested_total{otel_scope_name=\"AIaaS\"} 12\n"));
}
