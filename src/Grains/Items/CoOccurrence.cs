using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Items;

/// <summary>Bounded co-occurrence counting: past twice the capacity, the least frequent items are dropped.</summary>
internal static class CoOccurrence
{
    public static void Count(Dictionary<string, int> counts, ImmutableArray<string> coItems, string self, int capacity)
    {
        foreach (var other in coItems)
        {
            if (string.Equals(other, self, StringComparison.Ordinal))
            {
                continue;
            }

            ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(counts, other);
            if (Unsafe.IsNullRef(ref count))
            {
                // A message's strings are its own: the key kept is the silo's one string for the item.
                counts[SharedItemIds.Of(other)] = 1;
            }
            else
            {
                count++;
            }
        }

        if (counts.Count > 2 * capacity)
        {
            var keep = Top(counts, capacity);
            counts.Clear();

            // The table grew by doubling to a prime past twice the capacity (1,931 entries at 500, 54 KB an item);
            // from here on it never holds more than twice the capacity, so it keeps just that room.
            counts.TrimExcess(2 * capacity + 1);
            foreach (var (item, count) in keep)
            {
                counts[item] = count;
            }
        }
    }

    /// <summary>The same counts keyed by the silo's shared item id strings (<see cref="SharedItemIds"/>), for counts read from storage.</summary>
    public static Dictionary<string, int> WithSharedKeys(Dictionary<string, int> counts)
    {
        var shared = new Dictionary<string, int>(counts.Count, StringComparer.Ordinal);
        foreach (var (item, count) in counts)
        {
            shared[SharedItemIds.Of(item)] = count;
        }

        return shared;
    }

    /// <summary>Takes back what <see cref="Count"/> added for <paramref name="coItems"/>; a count that reaches zero is dropped.</summary>
    public static void Uncount(Dictionary<string, int> counts, ImmutableArray<string> coItems, string self)
    {
        foreach (var other in coItems)
        {
            if (!string.Equals(other, self, StringComparison.Ordinal) && counts.TryGetValue(other, out var count))
            {
                if (count <= 1)
                {
                    counts.Remove(other);
                }
                else
                {
                    counts[other] = count - 1;
                }
            }
        }
    }

    public static ImmutableArray<RecommendedItem> Similar(Dictionary<string, int> counts, long interactions, int count)
    {
        var top = Top(counts, count);
        var builder = ImmutableArray.CreateBuilder<RecommendedItem>(top.Count);
        foreach (var (item, together) in top)
        {
            builder.Add(new RecommendedItem(item, together / (double)Math.Max(1, interactions), "consumed by the same users"));
        }

        return builder.MoveToImmutable();
    }

    private static List<KeyValuePair<string, int>> Top(Dictionary<string, int> counts, int count)
    {
        var all = counts.ToList();
        all.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        return all.Count > count ? all.GetRange(0, count) : all;
    }
}
