using System.Globalization;

namespace AIaaS.Cli.Bench;

/// <summary>
/// The silo's own CPU time, working set and GC heap, read from its Prometheus text at /metrics (the .NET runtime's
/// "System.Runtime" meter), so a load generator on another machine sees them too. Null where the silo does not
/// expose them (an older silo, or /metrics behind a key the bench does not hold).
/// </summary>
internal sealed record SiloGauges(double CpuSeconds, double WorkingSetBytes, double GcHeapBytes)
{
    private const string CpuTime = "dotnet_process_cpu_time_seconds_total";
    private const string WorkingSet = "dotnet_process_memory_working_set_bytes";
    private const string GcHeap = "dotnet_gc_last_collection_heap_size_bytes";

    public static async Task<SiloGauges?> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("/metrics", cancellationToken);
            return response.IsSuccessStatusCode ? Parse(await response.Content.ReadAsStringAsync(cancellationToken)) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Sums each gauge over its label sets (CPU modes, heap generations); null when one is missing.</summary>
    public static SiloGauges? Parse(string text)
    {
        double? cpu = null, workingSet = null, heap = null;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty || line[0] == '#') continue;
            int nameEnd = line.IndexOfAny('{', ' ');
            if (nameEnd <= 0) continue;
            var name = line[..nameEnd];
            var rest = line[nameEnd] == '{' ? line[(line.LastIndexOf('}') + 1)..] : line[nameEnd..];
            rest = rest.TrimStart(' ');
            int valueEnd = rest.IndexOf(' '); // a sample may end with a timestamp after its value
            if (!double.TryParse(valueEnd < 0 ? rest : rest[..valueEnd], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;

            if (name.SequenceEqual(CpuTime)) cpu = (cpu ?? 0) + value;
            else if (name.SequenceEqual(WorkingSet)) workingSet = (workingSet ?? 0) + value;
            else if (name.SequenceEqual(GcHeap)) heap = (heap ?? 0) + value;
        }

        return cpu is { } c && workingSet is { } w && heap is { } h ? new SiloGauges(c, w, h) : null;
    }
}
