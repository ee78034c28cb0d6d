using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Users;

/// <summary>The fallback: the cluster's trending items that the user has not seen or asked to leave out.</summary>
internal static class TrendingRecommender
{
    public const string Reason = "trending";

    public static ImmutableArray<RecommendedItem> Recommend(ImmutableArray<ItemScore> trending, HashSet<string> seen, RecommendationRequest request, Func<string, bool>? skip = null)
    {
        var exclude = request.Exclude.IsDefaultOrEmpty ? null : request.Exclude.ToHashSet(StringComparer.Ordinal);
        var items = ImmutableArray.CreateBuilder<RecommendedItem>(Math.Min(request.Count, trending.Length));
        var best = trending.Length > 0 ? trending[0].LogScore : 0;
        foreach (var candidate in trending)
        {
            if (items.Count == request.Count)
            {
                break;
            }

            if (seen.Contains(candidate.ItemId) || exclude?.Contains(candidate.ItemId) == true || skip?.Invoke(candidate.ItemId) == true)
            {
                continue;
            }

            // Relative popularity in (0, 1]: the top trending item scores 1.
            items.Add(new RecommendedItem(candidate.ItemId, Math.Exp(candidate.LogScore - best), Reason));
        }

        return items.ToImmutable();
    }
}
