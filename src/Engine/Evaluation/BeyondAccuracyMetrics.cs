using System.Numerics.Tensors;

namespace AIaaS.Engine.Evaluation;

/// <summary>
/// What a recommender recommends besides hits: how different the items of one list are, how far from the head of the
/// catalog they lie, and how evenly the recommendations spread over the catalog.
/// </summary>
public static class BeyondAccuracyMetrics
{
    /// <summary>
    /// Intra-list diversity: 1 − the mean cosine similarity over the pairs of <paramref name="list"/>, each item's vector
    /// being its row of <paramref name="itemFactors"/> (row-major, <paramref name="factors"/> wide). A zero vector has
    /// similarity 0 with anything. NaN for lists shorter than two.
    /// </summary>
    public static double IntraListDiversity(ReadOnlySpan<int> list, ReadOnlySpan<float> itemFactors, int factors)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factors);
        if (list.Length < 2) return double.NaN;
        double similarity = 0;
        int pairs = 0;
        for (int a = 0; a < list.Length; a++)
        {
            var x = itemFactors.Slice(list[a] * factors, factors);
            for (int b = a + 1; b < list.Length; b++)
            {
                similarity += Cosine(x, itemFactors.Slice(list[b] * factors, factors));
                pairs++;
            }
        }
        return 1.0 - similarity / pairs;
    }

    /// <summary>
    /// Novelty of a list: the mean of −log2(p) over its items, p being the share of the <paramref name="users"/>
    /// training users who rated the item (<paramref name="itemCounts"/>); an item nobody rated counts as rated once,
    /// so the figure stays finite. NaN for an empty list.
    /// </summary>
    public static double Novelty(ReadOnlySpan<int> list, ReadOnlySpan<float> itemCounts, int users)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(users);
        if (list.IsEmpty) return double.NaN;
        double sum = 0;
        foreach (var item in list) sum -= Math.Log2(Math.Max(itemCounts[item], 1f) / users);
        return sum / list.Length;
    }

    /// <summary>
    /// Each item's popularity percentile in [0, 1]: the share of the catalog with a lower count, items with the same
    /// count splitting their share half below and half above (mid-rank). Equal counts everywhere give 0.5 to all.
    /// </summary>
    public static double[] PopularityPercentiles(ReadOnlySpan<float> itemCounts)
    {
        int n = itemCounts.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var keys = itemCounts.ToArray();
        Array.Sort(keys, order);
        var percentiles = new double[n];
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end < n && keys[end] == keys[start]) end++;
            double value = (start + (end - start) / 2.0) / n;
            for (int i = start; i < end; i++) percentiles[order[i]] = value;
            start = end;
        }
        return percentiles;
    }

    /// <summary>
    /// Gini coefficient of <paramref name="counts"/> (how often each catalog item was recommended): 0 when every item
    /// was recommended equally often, approaching 1 when one item takes every recommendation. 0 when all are zero.
    /// </summary>
    public static double Gini(ReadOnlySpan<int> counts)
    {
        var sorted = counts.ToArray();
        Array.Sort(sorted);
        long total = 0;
        double weighted = 0;
        int n = sorted.Length;
        for (int i = 0; i < n; i++)
        {
            if (sorted[i] < 0) ThrowHelper.OutOfRange(nameof(counts), "Counts must not be negative.");
            total += sorted[i];
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        return total == 0 ? 0.0 : weighted / ((double)n * total);
    }

    /// <summary>Cosine similarity, 0 when either vector is zero.</summary>
    internal static double Cosine(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        float norms = TensorPrimitives.Norm(x) * TensorPrimitives.Norm(y);
        return norms == 0f ? 0.0 : TensorPrimitives.Dot(x, y) / norms;
    }
}
