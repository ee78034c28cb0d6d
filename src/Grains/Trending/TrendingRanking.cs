using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Trending;

/// <summary>Orders items by decayed popularity, best first, ties by id so that every silo agrees.</summary>
internal static class TrendingRanking
{
    public static ImmutableArray<ItemScore> Top(List<ItemScore> scores, int count)
    {
        scores.Sort(static (a, b) => b.LogScore != a.LogScore ? b.LogScore.CompareTo(a.LogScore) : string.CompareOrdinal(a.ItemId, b.ItemId));
        return [.. scores.Count > count ? scores.GetRange(0, count) : scores];
    }
}
