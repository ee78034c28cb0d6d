namespace AIaaS.Engine.Data;

/// <summary>
/// K-fold versions of the ranking and rating protocols, so that defaults can be chosen, and figures reported, as a
/// mean over disjoint test folds instead of on one split. Fold f's test part is the f-th of k disjoint slices, which
/// together cover every rating the protocol would ever test; its train part is everything else.
/// </summary>
public static class EvaluationFolds
{
    /// <summary>
    /// Ranking protocol, fold <paramref name="fold"/> of <paramref name="folds"/>: each user's ratings are shuffled
    /// exactly as <see cref="EvaluationSplits.Ranking"/> shuffles them, then cut into <paramref name="folds"/>
    /// consecutive slices [⌊f·n/k⌋, ⌊(f+1)·n/k⌋); slice f is test. With k = 5 each user tests 20% (the single split
    /// tests 25%), so fold figures are a little lower than the single split's and are compared only with each other.
    /// Users with fewer than <see cref="EvaluationSplits.MinimumRatingsToSplit"/> ratings stay wholly in train.
    /// </summary>
    public static DatasetSplit Ranking(DenseRatings data, int seed, int fold, int folds)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(fold, folds);
        var train = new List<int>(data.Count);
        var test = new List<int>(data.Count / folds + 1);
        foreach (var shuffled in EvaluationSplits.ShuffledByUser(data, seed))
        {
            int n = shuffled.Length;
            if (n < EvaluationSplits.MinimumRatingsToSplit)
            {
                train.AddRange(shuffled);
                continue;
            }
            int start = (int)((long)fold * n / folds), end = (int)((long)(fold + 1) * n / folds);
            train.AddRange(shuffled[..start]);
            test.AddRange(shuffled[start..end]);
            train.AddRange(shuffled[end..]);
        }
        return new DatasetSplit([.. train], [.. test]);
    }

    /// <summary>
    /// Rating protocol, fold <paramref name="fold"/> of <paramref name="folds"/>: the rating with 1-based ordinal n has
    /// hash h = (n × 2654435761) mod 2^32, the hash of <see cref="EvaluationSplits.Rating"/>, and falls in bucket
    /// min(⌊h / ⌊2^32 / k⌋⌋, k − 1); bucket f is test. With k = 5, fold 0 is exactly the single rating split.
    /// </summary>
    public static DatasetSplit Rating(int count, int fold, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Validate(fold, folds);
        var train = new List<int>(count);
        var test = new List<int>(count / folds + 1);
        for (int i = 0; i < count; i++)
        {
            if (RatingBucket(i + 1, folds) == fold) test.Add(i);
            else train.Add(i);
        }
        return new DatasetSplit([.. train], [.. test]);
    }

    /// <summary>The rating-protocol fold of the rating on 1-based line <paramref name="lineNumber"/>.</summary>
    public static int RatingBucket(long lineNumber, int folds)
    {
        uint hash = unchecked((uint)lineNumber * 2654435761u);
        return (int)Math.Min(hash / (uint)((1UL << 32) / (ulong)folds), (uint)(folds - 1));
    }

    private static void Validate(int fold, int folds)
    {
        if (folds < 2) ThrowHelper.OutOfRange(nameof(folds), "A k-fold split needs at least 2 folds.");
        if (fold < 0 || fold >= folds) ThrowHelper.OutOfRange(nameof(fold), $"The fold must lie in [0, {folds - 1}].");
    }
}
