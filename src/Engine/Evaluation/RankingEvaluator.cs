using AIaaS.Engine.Data;
using AIaaS.Engine.Scoring;

namespace AIaaS.Engine.Evaluation;

/// <summary>Runs the ranking protocol: recommend k items per user excluding train items, score against test items.</summary>
public static class RankingEvaluator
{
    /// <summary>
    /// Evaluates factor models: user u's scores are dot products of row u of <paramref name="userFactors"/> with the
    /// rows of <paramref name="itemFactors"/> (both row-major, <paramref name="factors"/> wide).
    /// </summary>
    public static RankingReport Evaluate(RatingMatrix train, RatingMatrix test, ReadOnlySpan<float> userFactors,
        ReadOnlySpan<float> itemFactors, int factors, int k = 10)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        Span<int> top = stackalloc int[k];
        Span<float> topScores = stackalloc float[k];
        var recommendedOnce = new bool[train.Columns];
        double precision = 0, recall = 0, ndcg = 0, map = 0;
        int users = 0;
        for (int u = 0; u < test.Rows; u++)
        {
            var relevant = test.RowIndices(u);
            if (relevant.IsEmpty) continue;
            int n = TopK.Recommend(userFactors.Slice(u * factors, factors), itemFactors, train.RowIndices(u), top, topScores);
            var list = top[..n];
            foreach (var item in list) recommendedOnce[item] = true;
            precision += RankingMetrics.PrecisionAtK(list, relevant, k);
            recall += RankingMetrics.RecallAtK(list, relevant, k);
            ndcg += RankingMetrics.NdcgAtK(list, relevant, k);
            map += RankingMetrics.AveragePrecisionAtK(list, relevant, k);
            users++;
        }
        int distinct = 0;
        foreach (var seen in recommendedOnce) distinct += seen ? 1 : 0;
        int divisor = Math.Max(users, 1);
        return new RankingReport(precision / divisor, recall / divisor, ndcg / divisor, map / divisor,
            RankingMetrics.CatalogCoverage(distinct, Math.Max(train.Columns, 1)), users, k);
    }
}
