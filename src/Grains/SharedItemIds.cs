using System.Collections.Concurrent;

namespace AIaaS.Grains;

/// <summary>
/// One string per item id for the silo's user histories, seen sets and co-occurrence counts. Every grain reads its state
/// from storage, and every message, into strings of its own, so without sharing a popular item's id is held once per user
/// who consumed it and once per item it was consumed with. Bounded: past <see cref="Capacity"/> distinct ids new ones
/// are kept as they come (correct, only unshared), so ids sent once and never again cannot grow it without limit.
/// </summary>
internal static class SharedItemIds
{
    /// <summary>
    /// Distinct ids shared at most. The table's own cost is one node of about 50 bytes an id beside the strings, which
    /// the grains would hold anyway: about 100 MB at the cap (from the types' layout, not measured).
    /// </summary>
    public const int Capacity = 2_000_000;

    private static readonly ConcurrentDictionary<string, string> Ids = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every lock of the table; this count is kept beside it instead.
    private static int _count;

    /// <summary>The shared string equal to <paramref name="itemId"/>.</summary>
    public static string Of(string itemId)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        if (Ids.TryGetValue(itemId, out var shared))
        {
            return shared;
        }

        if (Volatile.Read(ref _count) >= Capacity)
        {
            return itemId;
        }

        if (Ids.TryAdd(itemId, itemId))
        {
            Interlocked.Increment(ref _count);
            return itemId;
        }

        return Ids.TryGetValue(itemId, out shared) ? shared : itemId;
    }
}
