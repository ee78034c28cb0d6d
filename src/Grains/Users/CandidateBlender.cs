using System.Collections.Immutable;
using System.Numerics.Tensors;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Catalog;
using AIaaS.Grains.Models;

namespace AIaaS.Grains.Users;

/// <summary>
/// Merges the model's top items with the catalog delta: new items (vectors folded in since the training)
/// and live items, boosted inside their window, and cold catalog items with vectors from their metadata. Both sets are small, so they are scored here directly; the caller's
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
        DateTimeOffset now,
        IReadOnlyList<ColdItem>? cold = null,
        Func<ColdItem, string?>? likeOf = null)
    {
        var candidates = new Dictionary<string, RecommendedItem>(StringComparer.Ordinal);
        foreach (var item in modelItems)
        {
            candidates[item.ItemId] = delta.IsLive(item.ItemId, now) ? item with { Score = Boost(item.Score, liveBoost), Reason = LiveReason } : item;
        }

        var folded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in delta.NewItems(model.Version))
        {
            folded.Add(item.ItemId);
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

        // An item's own interactions take over from its metadata: once it is folded in, its content vector is not used.
        var fromContent = new Dictionary<string, ColdItem>(StringComparer.Ordinal);
        foreach (var item in cold ?? [])
        {
            if (!folded.Contains(item.ItemId) && !skip(item.ItemId) && !candidates.ContainsKey(item.ItemId))
            {
                fromContent[item.ItemId] = item;
                candidates[item.ItemId] = new RecommendedItem(item.ItemId, TensorPrimitives.Dot(userVector, item.Vector.AsSpan()), NewReason);
            }
        }

        var ranked = candidates.Values.ToList();
        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.ItemId, b.ItemId));
        var top = ranked.Take(count).ToList();
        for (var i = 0; i < top.Count; i++)
        {
            // Named only for the items returned: finding the closest known item is a scan of the item's categories.
            if (fromContent.TryGetValue(top[i].ItemId, out var item) && likeOf?.Invoke(item) is { } like)
            {
                top[i] = top[i] with { Reason = $"new: like {like}" };
            }
        }

        return [.. top];
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
