namespace AIaaS.Cli.Bench;

/// <summary>Percentiles of a set of latencies, by the nearest-rank method.</summary>
internal sealed record LatencySummary(int Count, double P50Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary Of(List<double> latenciesMs)
    {
        if (latenciesMs.Count == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN);
        }

        latenciesMs.Sort();
        return new LatencySummary(latenciesMs.Count, Rank(latenciesMs, 0.50), Rank(latenciesMs, 0.99), latenciesMs[^1]);
    }

    private static double Rank(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
