using System.Runtime.InteropServices;
using AIaaS.Engine.Data;

namespace AIaaS.Engine.Evaluation;

/// <summary>
/// Runs the cold-items protocol's ranking: every user with a cold test item ranks all cold items; each of that user's
/// cold test items is relevant (binary relevance, as in the ranking protocol). Ties in the top k are broken by a
/// fixed pseudo-random order of the cold items, not by their index (which follows first appearance in the file,
/// and so popularity); AUC counts a tie as half a correct pair.
/// </summary>
public static class ColdItemEvaluator
{
    /// <summary>Evaluates <paramref name="score"/> on <paramref name="test"/> (user × item; only cold items have test ratings).</summary>
    public static ColdItemReport Evaluate(RatingMatrix test, IReadOnlyList<int> coldItems, ColdItemScorer score, int k = 10)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(coldItems);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var position = new int[test.Columns];
        Array.Fill(position, -1);
        for (int c = 0; c < coldItems.Count; c++) position[coldItems[c]] = c;
        var tieBreak = new ulong[coldItems.Count];
        for (int c = 0; c < tieBreak.Length; c++) tieBreak[c] = SplitMix64.ForKey(0, c).Next();

        var scores = new float[coldItems.Count];
        var order = new int[coldItems.Count];
        var relevant = new List<int>();
        double ndcg = 0, auc = 0;
        int users = 0, aucUsers = 0;
        for (int u = 0; u < test.Rows; u++)
        {
            relevant.Clear();
            foreach (var item in test.RowIndices(u))
            {
                if (position[item] < 0) throw new ArgumentException($"Test item {item} is not one of the cold items.", nameof(test));
                relevant.Add(position[item]);
            }
            if (relevant.Count == 0) continue;
            score(u, scores);
            for (int c = 0; c < order.Length; c++) order[c] = c;
            Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : tieBreak[a].CompareTo(tieBreak[b]));
            var relevantSpan = CollectionsMarshal.AsSpan(relevant);
            ndcg += RankingMetrics.NdcgAtK(order.AsSpan(0, Math.Min(k, order.Length)), relevantSpan, k);
            users++;
            var userAuc = RankingMetrics.Auc(scores, relevantSpan);
            if (double.IsNaN(userAuc)) continue;
            auc += userAuc;
            aucUsers++;
        }
        return new ColdItemReport(ndcg / Math.Max(users, 1), aucUsers == 0 ? double.NaN : auc / aucUsers, users, aucUsers, coldItems.Count, k);
    }
}
