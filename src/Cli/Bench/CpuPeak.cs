using System.Globalization;
using System.Runtime.Intrinsics;

namespace AIaaS.Cli.Bench;

/// <summary>
/// This CPU's peak single-precision rate, computed rather than measured: cores × clock × FMA units per core ×
/// float lanes per vector × 2 (an FMA is a multiply and an add). The clock is /proc/cpuinfo's "cpu MHz" (a virtual
/// machine reports its nominal clock there, so turbo puts the real peak higher); the lanes are those of the widest
/// vectors .NET accelerates here; the FMA units per core are not visible to software and are an input (2 on Xeon
/// Scalable Gold and Platinum parts, which have two 512-bit FMA units per core).
/// </summary>
internal sealed record CpuPeak(int Cores, double ClockGhz, int FmaUnits, int Lanes)
{
    public double Gflops => Cores * ClockGhz * FmaUnits * Lanes * 2;

    public string How => string.Create(CultureInfo.InvariantCulture,
        $"{Cores} cores x {ClockGhz:F2} GHz x {FmaUnits} FMA units x {Lanes} float lanes x 2 flops");

    public static CpuPeak OfThisMachine(int fmaUnits)
    {
        int lanes = Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 4;
        return new CpuPeak(Environment.ProcessorCount, ReadClockGhz(), fmaUnits, lanes);
    }

    private static double ReadClockGhz()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo)) return double.NaN;
        foreach (var line in File.ReadLines(cpuinfo))
        {
            if (!line.StartsWith("cpu MHz", StringComparison.Ordinal)) continue;
            var value = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var mhz) ? mhz / 1000 : double.NaN;
        }

        return double.NaN;
    }
}
