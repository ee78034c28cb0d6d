using System.Collections.Immutable;
using AIaaS.Grains.Catalog;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Items;

/// <summary>
/// The similar items a filtered request may see: co-consumed items first (they are what viewers actually chose),
/// then the nearest items in the factor space, each item once, paged by the request's offset.
/// </summary>
internal static class SimilarItemsRanker
{
    public static string FactorReason(string itemId) => $"similar to {itemId}";

    /// <summary>Co-consumed items the request allows, best first, at most its depth.</summary>
    public static List<RecommendedItem> CoConsumed(ImmutableArray<RecommendedItem> coConsumed, string itemId, RecommendationRequest request, ItemCatalog catalog, DateTimeOffset now)
    {
        var excluded = Excluded(request, itemId);
        var items = new List<RecommendedItem>(Math.Min(request.Depth, coConsumed.Length));
        foreach (var item in coConsumed)
        {
            if (items.Count == request.Depth)
            {
                break;
            }

            if (!excluded.Contains(item.ItemId) && catalog.Allows(item.ItemId, request.Items, now))
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>Appends the factor-space neighbours not already taken, then skips the offset.</summary>
    public static ImmutableArray<RecommendedItem> Page(List<RecommendedItem> items, IEnumerable<RecommendedItem> neighbours, RecommendationRequest request)
    {
        var taken = items.Select(item => item.ItemId).ToHashSet(StringComparer.Ordinal);
        foreach (var neighbour in neighbours)
        {
            if (items.Count >= request.Depth)
            {
                break;
            }

            if (taken.Add(neighbour.ItemId))
            {
                items.Add(neighbour);
            }
        }

        return [.. items.Skip(request.Offset).Take(request.Count)];
    }

    public static HashSet<string> Excluded(RecommendationRequest request, string itemId)
    {
        var excluded = request.Exclude.IsDefaultOrEmpty ? new HashSet<string>(StringComparer.Ordinal) : request.Exclude.ToHashSet(StringComparer.Ordinal);
        excluded.Add(itemId);
        return excluded;
    }
}
