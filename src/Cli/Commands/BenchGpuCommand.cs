using System.CommandLine;
using System.Globalization;
using AIaaS.Cli.Bench;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas bench gpu`: CUDA against CPU on the same batch, same top-k and throughput (tests/Gpu/run.sh).</summary>
internal static class BenchGpuCommand
{
    public static Command Create()
    {
        var items = new Option<int>("--items") { Description = "Items in the random model", DefaultValueFactory = _ => 100_000 };
        var factors = new Option<int>("--factors") { Description = "Latent factors k", DefaultValueFactory = _ => 64 };
        var device = new Option<int>("--device") { Description = "CUDA device id", DefaultValueFactory = _ => 0 };
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds per scorer and device", DefaultValueFactory = _ => 5 };
        var command = new Command("gpu", "Check that CUDA and the CPU return the same top-k for one batch, and time batches of 64 on each (needs the GPU build)");
        foreach (var option in new Option[] { items, factors, device, seconds }) command.Options.Add(option);
        command.SetAction((ParseResult r) => CliErrors.Run(() =>
        {
            int n = r.GetValue(items), k = r.GetValue(factors), d = r.GetValue(device);
            double s = r.GetValue(seconds);
            if (n < 10 || k < 1 || d < 0 || s <= 0) return CliErrors.Fail("--items must be at least 10, --factors and --seconds positive, --device at least 0");
            IReadOnlyList<GpuCheckRow> rows;
            try
            {
                rows = new GpuCheck(n, k, d, TimeSpan.FromSeconds(s)).Run();
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine($"aiaas: {ex.Message}");
                return 2;
            }

            foreach (var row in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"items\":{n},\"factors\":{k},\"scorer\":\"{row.Scorer}\",\"sameTopK\":{(row.SameTopK ? "true" : "false")},\"maxScoreDifference\":{row.MaxScoreDifference:G4}," +
                    $"\"cpuBatchesPerSecond\":{row.CpuBatchesPerSecond:F1},\"cudaBatchesPerSecond\":{row.CudaBatchesPerSecond:F1},\"speedup\":{row.CudaBatchesPerSecond / row.CpuBatchesPerSecond:F2}}}"));
            }

            return rows.All(row => row.SameTopK) ? 0 : 1;
        }));
        return command;
    }
}
