using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Users;

/// <summary>The fallback: the cluster's trending items that the request may return, after what was ranked before them.</summary>
internal static class TrendingRecommender
{
    public const string Reason = "trending";

    /// <summary>Appends trending items until <paramref name="items"/> holds <paramref name="depth"/>, skipping taken ones and those <paramref name="skip"/> names.</summary>
    public static void Append(List<RecommendedItem> items, System.Collections.Immutable.ImmutableArray<ItemScore> trending, int depth, Func<string, bool> skip)
    {
        var taken = items.Select(item => item.ItemId).ToHashSet(StringComparer.Ordinal);
        var best = trending.Length > 0 ? trending[0].LogScore : 0;
        foreach (var candidate in trending)
        {
            if (items.Count >= depth)
            {
                break;
            }

            if (skip(candidate.ItemId) || !taken.Add(candidate.ItemId))
            {
                continue;
            }

            // Relative popularity in (0, 1]: the top trending item scores 1.
            items.Add(new RecommendedItem(candidate.ItemId, Math.Exp(candidate.LogScore - best), Reason));
        }
    }
}
