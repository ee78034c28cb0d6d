namespace AIaaS.Engine.Evaluation;

/// <summary>
/// Top-k ranking metrics with binary relevance. <c>recommended</c> is a ranked list (best first; only its first k
/// entries count); <c>relevant</c> is the set of held-out items in any order.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Hits in the first k recommendations divided by k.</summary>
    public static double PrecisionAtK(ReadOnlySpan<int> recommended, ReadOnlySpan<int> relevant, int k)
    {
        ValidateK(k);
        return (double)Hits(recommended, relevant, k) / k;
    }

    /// <summary>Hits in the first k recommendations divided by the number of relevant items (0 when there are none).</summary>
    public static double RecallAtK(ReadOnlySpan<int> recommended, ReadOnlySpan<int> relevant, int k)
    {
        ValidateK(k);
        return relevant.IsEmpty ? 0.0 : (double)Hits(recommended, relevant, k) / relevant.Length;
    }

    /// <summary>DCG@k / ideal DCG@k with gain 1 for a relevant item and discount 1/log2(rank + 1), rank 1-based.</summary>
    public static double NdcgAtK(ReadOnlySpan<int> recommended, ReadOnlySpan<int> relevant, int k)
    {
        ValidateK(k);
        if (relevant.IsEmpty) return 0.0;
        double dcg = 0.0;
        int n = Math.Min(k, recommended.Length);
        for (int i = 0; i < n; i++)
        {
            if (relevant.Contains(recommended[i])) dcg += 1.0 / Math.Log2(i + 2);
        }
        double ideal = 0.0;
        int idealHits = Math.Min(k, relevant.Length);
        for (int i = 0; i < idealHits; i++) ideal += 1.0 / Math.Log2(i + 2);
        return dcg / ideal;
    }

    /// <summary>
    /// Average precision at k: the sum of precision@i over the ranks i ≤ k that hit, divided by min(k, |relevant|).
    /// (Microsoft Recommenders' <c>map_at_k</c> divides by |relevant| instead, which gives lower figures.)
    /// </summary>
    public static double AveragePrecisionAtK(ReadOnlySpan<int> recommended, ReadOnlySpan<int> relevant, int k)
    {
        ValidateK(k);
        if (relevant.IsEmpty) return 0.0;
        double sum = 0.0;
        int hits = 0;
        int n = Math.Min(k, recommended.Length);
        for (int i = 0; i < n; i++)
        {
            if (!relevant.Contains(recommended[i])) continue;
            hits++;
            sum += (double)hits / (i + 1);
        }
        return sum / Math.Min(k, relevant.Length);
    }

    /// <summary>
    /// Area under the ROC curve of one ranking: the share of (relevant, non-relevant) pairs of candidates whose relevant
    /// one scores higher, a tie counting half (Mann–Whitney U with mid-ranks). <paramref name="scores"/> holds every
    /// candidate's score; <paramref name="relevant"/> the positions of the relevant ones, each once. NaN when either
    /// side is empty.
    /// </summary>
    public static double Auc(ReadOnlySpan<float> scores, ReadOnlySpan<int> relevant)
    {
        int positives = relevant.Length, negatives = scores.Length - relevant.Length;
        if (positives == 0 || negatives <= 0) return double.NaN;
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        double rankSum = 0;
        foreach (var p in relevant)
        {
            // Mid-rank (1-based) of the score among all candidates: below + (equal + 1) / 2.
            float s = scores[p];
            int below = LowerBound(sorted, s);
            int equal = LowerBound(sorted, MathF.BitIncrement(s)) - below;
            rankSum += below + (equal + 1) / 2.0;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Share of the catalog that appears in at least one recommendation list.</summary>
    public static double CatalogCoverage(int distinctRecommended, int catalogSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(distinctRecommended);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(catalogSize);
        return (double)distinctRecommended / catalogSize;
    }

    private static int Hits(ReadOnlySpan<int> recommended, ReadOnlySpan<int> relevant, int k)
    {
        int hits = 0;
        int n = Math.Min(k, recommended.Length);
        for (int i = 0; i < n; i++)
        {
            if (relevant.Contains(recommended[i])) hits++;
        }
        return hits;
    }

    private static int LowerBound(float[] sorted, float value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private static void ValidateK(int k)
    {
        if (k < 1) ThrowHelper.OutOfRange(nameof(k), "k must be at least 1.");
    }
}
