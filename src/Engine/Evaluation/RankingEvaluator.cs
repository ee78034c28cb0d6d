using AIaaS.Engine.Data;
using AIaaS.Engine.Factorization;
using AIaaS.Engine.Scoring;

namespace AIaaS.Engine.Evaluation;

/// <summary>Runs the ranking protocol: recommend k items per user excluding train items, score against test items.</summary>
public static class RankingEvaluator
{
    /// <summary>
    /// Evaluates factor models: user u's scores are dot products of row u of <paramref name="userFactors"/> with the
    /// rows of <paramref name="itemFactors"/> (both row-major, <paramref name="factors"/> wide). A
    /// <paramref name="diversity"/> above 0 re-ranks each user's <see cref="DiversityReranker.Candidates"/> best
    /// items by MMR with that λ. Intra-list diversity uses the same item rows, and is NaN for one-wide factors
    /// (a popularity score is no embedding).
    /// </summary>
    public static RankingReport Evaluate(RatingMatrix train, RatingMatrix test, ReadOnlySpan<float> userFactors,
        ReadOnlySpan<float> itemFactors, int factors, int k = 10, float diversity = 0f)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        int pool = diversity > 0f ? Math.Max(k, DiversityReranker.Candidates) : k;
        var candidates = new int[pool];
        var candidateScores = new float[pool];
        var top = new int[k];
        var topScores = new float[k];
        var popularity = PopularityModel.ItemCounts(train);
        var percentiles = BeyondAccuracyMetrics.PopularityPercentiles(popularity);
        var timesRecommended = new int[train.Columns];
        double precision = 0, recall = 0, ndcg = 0, map = 0, ild = 0, novelty = 0, percentile = 0;
        int users = 0, ildLists = 0, entries = 0;
        for (int u = 0; u < test.Rows; u++)
        {
            var relevant = test.RowIndices(u);
            if (relevant.IsEmpty) continue;
            var user = userFactors.Slice(u * factors, factors);
            int n = TopK.Recommend(user, itemFactors, train.RowIndices(u), candidates, candidateScores);
            if (diversity > 0f) n = DiversityReranker.Rerank(candidates.AsSpan(0, n), candidateScores, itemFactors, factors, diversity, top, topScores);
            else candidates.AsSpan(0, n).CopyTo(top);
            var list = top.AsSpan(0, Math.Min(n, k));
            foreach (var item in list)
            {
                timesRecommended[item]++;
                percentile += percentiles[item];
            }
            entries += list.Length;
            precision += RankingMetrics.PrecisionAtK(list, relevant, k);
            recall += RankingMetrics.RecallAtK(list, relevant, k);
            ndcg += RankingMetrics.NdcgAtK(list, relevant, k);
            map += RankingMetrics.AveragePrecisionAtK(list, relevant, k);
            if (!list.IsEmpty) novelty += BeyondAccuracyMetrics.Novelty(list, popularity, Math.Max(train.Rows, 1));
            if (factors > 1 && list.Length > 1)
            {
                ild += BeyondAccuracyMetrics.IntraListDiversity(list, itemFactors, factors);
                ildLists++;
            }
            users++;
        }
        int distinct = 0;
        foreach (var times in timesRecommended) distinct += times > 0 ? 1 : 0;
        int divisor = Math.Max(users, 1);
        return new RankingReport(precision / divisor, recall / divisor, ndcg / divisor, map / divisor,
            RankingMetrics.CatalogCoverage(distinct, Math.Max(train.Columns, 1)), users, k)
        {
            IntraListDiversity = ildLists > 0 ? ild / ildLists : double.NaN,
            Novelty = novelty / divisor,
            PopularityPercentile = entries > 0 ? percentile / entries : double.NaN,
            Gini = BeyondAccuracyMetrics.Gini(timesRecommended),
        };
    }
}
