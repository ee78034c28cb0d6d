using System.Collections.Immutable;
using System.Numerics.Tensors;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;

namespace AIaaS.Grains.Users;

/// <summary>
/// Merges the model's top items with the catalog delta: new items (vectors folded in since the training)
/// and live items, boosted inside their window. Both sets are small, so they are scored here directly; the caller's
/// skip rule (seen, excluded, filtered out, ineligible) applies to them as the mask did to the model's items.
/// </summary>
internal static class CandidateBlender
{
    public const string NewReason = "new";
    public const string LiveReason = "live now";

    public static ImmutableArray<RecommendedItem> Blend(
        List<RecommendedItem> modelItems,
        float[] userVector,
        LoadedModel model,
        CatalogDeltaCache delta,
        Func<string, bool> skip,
        int count,
        double liveBoost,
        DateTimeOffset now)
    {
        var candidates = new Dictionary<string, RecommendedItem>(StringComparer.Ordinal);
        foreach (var item in modelItems)
        {
            candidates[item.ItemId] = delta.IsLive(item.ItemId, now) ? item with { Score = Boost(item.Score, liveBoost), Reason = LiveReason } : item;
        }

        foreach (var item in delta.NewItems(model.Version))
        {
            if (!skip(item.ItemId))
            {
                var score = (double)TensorPrimitives.Dot(userVector, item.Vector.AsSpan());
                var live = delta.IsLive(item.ItemId, now);
                Offer(candidates, new RecommendedItem(item.ItemId, live ? Boost(score, liveBoost) : score, live ? LiveReason : NewReason));
            }
        }

        foreach (var (itemId, _) in delta.LiveWindows)
        {
            var index = model.IndexOf(itemId);
            if (index >= 0 && !skip(itemId) && delta.IsLive(itemId, now))
            {
                var score = (double)TensorPrimitives.Dot(userVector, model.Snapshot.ItemFactors.AsSpan(index * model.Snapshot.Factors, model.Snapshot.Factors));
                Offer(candidates, new RecommendedItem(itemId, Boost(score, liveBoost), LiveReason));
            }
        }

        var ranked = candidates.Values.ToList();
        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.ItemId, b.ItemId));
        return [.. ranked.Take(count)];
    }

    private static void Offer(Dictionary<string, RecommendedItem> candidates, RecommendedItem item)
    {
        if (!candidates.TryGetValue(item.ItemId, out var known) || known.Score < item.Score)
        {
            candidates[item.ItemId] = item;
        }
    }

    /// <summary>Raises a positive score by the factor and brings a negative one towards zero by it.</summary>
    private static double Boost(double score, double factor) => score >= 0 ? score * factor : score / factor;
}
