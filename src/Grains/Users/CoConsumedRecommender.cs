using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Users;

/// <summary>
/// Before the user has a vector (no model yet, or none of their items in it): the items most often consumed with
/// the user's recent items, which the item grains count from the first event, each named by the item that led to it.
/// </summary>
internal static class CoConsumedRecommender
{
    /// <summary>How many of the user's latest distinct items are asked for their co-consumed items.</summary>
    public const int Sources = 5;

    /// <summary>The user's latest distinct items that were not skipped, newest first.</summary>
    public static List<string> SourcesOf(List<HistoryEntry> recent)
    {
        var sources = new List<string>(Sources);
        for (var i = recent.Count - 1; i >= 0 && sources.Count < Sources; i--)
        {
            var e = recent[i];
            if (e.Type != EventType.Skip && !sources.Contains(e.ItemId, StringComparer.Ordinal))
            {
                sources.Add(e.ItemId);
            }
        }

        return sources;
    }

    /// <summary>Merges each source's co-consumed items (an item keeps its best score and that source), best first, at most <paramref name="depth"/>.</summary>
    public static List<RecommendedItem> Merge(IReadOnlyList<string> sources, IReadOnlyList<ImmutableArray<RecommendedItem>> similar, int depth, Func<string, bool> skip)
    {
        var best = new Dictionary<string, RecommendedItem>(StringComparer.Ordinal);
        for (var s = 0; s < sources.Count; s++)
        {
            foreach (var item in similar[s])
            {
                if (skip(item.ItemId))
                {
                    continue;
                }

                if (!best.TryGetValue(item.ItemId, out var known) || known.Score < item.Score)
                {
                    best[item.ItemId] = new RecommendedItem(item.ItemId, item.Score, $"because you watched {sources[s]}");
                }
            }
        }

        var ranked = best.Values.ToList();
        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.ItemId, b.ItemId));
        return ranked.Count > depth ? ranked.GetRange(0, depth) : ranked;
    }
}
