using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.InteractionLog;

/// <summary>In-memory counts of one log partition, kept in step with its segments.</summary>
internal sealed class LogCounts
{
    private readonly Dictionary<string, int> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byItem = new(StringComparer.Ordinal);
    private long _events;

    public void Add(InteractionEvent e)
    {
        _events++;
        Increment(_byUser, e.UserId, 1);
        Increment(_byItem, e.ItemId, 1);
    }

    public void Remove(InteractionEvent e)
    {
        _events--;
        Increment(_byUser, e.UserId, -1);
        Increment(_byItem, e.ItemId, -1);
    }

    public LogPartitionStats ToStats() => new(_events, _byUser.Count, [.. _byItem.Keys]);

    private static void Increment(Dictionary<string, int> counts, string key, int delta)
    {
        var value = counts.GetValueOrDefault(key) + delta;
        if (value <= 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = value;
        }
    }
}
