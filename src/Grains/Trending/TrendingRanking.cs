using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Trending;

/// <summary>
/// Orders items by decayed popularity, best first, ties by id so that every silo agrees. An item whose events all
/// weigh nothing (only skips) has a log score of -∞: no popularity, so it is not trending (and has no JSON number).
/// </summary>
internal static class TrendingRanking
{
    public static ImmutableArray<ItemScore> Top(List<ItemScore> scores, int count)
    {
        scores.RemoveAll(static s => !double.IsFinite(s.LogScore));
        scores.Sort(static (a, b) => b.LogScore != a.LogScore ? b.LogScore.CompareTo(a.LogScore) : string.CompareOrdinal(a.ItemId, b.ItemId));
        return [.. scores.Count > count ? scores.GetRange(0, count) : scores];
    }
}
