namespace AIaaS.Grains.Telemetry;

/// <summary>
/// Log-spaced latency bins for a percentile without keeping samples: four bins per doubling from 0.01 ms, so a
/// percentile read as its bin's upper bound is at most 19% above the true value.
/// </summary>
internal static class LatencyBins
{
    /// <summary>96 bins reach 0.01 ms × 2^24 ≈ 168 s; slower requests fall into the last.</summary>
    public const int Count = 96;

    private const double FirstUpperMs = 0.01;
    private const double BinsPerDoubling = 4;

    public static int Of(double milliseconds) =>
        milliseconds <= FirstUpperMs || double.IsNaN(milliseconds)
            ? 0
            : Math.Min(Count - 1, (int)Math.Ceiling(Math.Log2(milliseconds / FirstUpperMs) * BinsPerDoubling));

    public static double UpperBound(int bin) => FirstUpperMs * Math.Pow(2, bin / BinsPerDoubling);

    /// <summary>The upper bound of the bin that holds the <paramref name="quantile"/>-th of the counts; null when there are none.</summary>
    public static double? Percentile(int[] bins, double quantile)
    {
        // Recorders go on adding while this reads: one copy keeps the total and the walk consistent.
        var counts = (int[])bins.Clone();
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var bin = 0; bin < counts.Length; bin++)
        {
            seen += counts[bin];
            if (seen >= rank)
            {
                return UpperBound(bin);
            }
        }

        return UpperBound(counts.Length - 1);
    }
}
