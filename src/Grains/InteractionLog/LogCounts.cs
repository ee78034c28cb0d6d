using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.InteractionLog;

/// <summary>In-memory counts of one log partition, kept in step with its segments.</summary>
internal sealed class LogCounts
{
    private readonly Dictionary<string, int> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byItem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long First, long Last)> _sequencesByUser = new(StringComparer.Ordinal);
    private long _events;

    public void Add(LoggedEvent logged)
    {
        _events++;
        Increment(_byUser, logged.Event.UserId, 1);
        Increment(_byItem, logged.Event.ItemId, 1);
        var user = logged.Event.UserId;
        _sequencesByUser[user] = _sequencesByUser.TryGetValue(user, out var span) ? (span.First, logged.Sequence) : (logged.Sequence, logged.Sequence);
    }

    public void Remove(InteractionEvent e)
    {
        _events--;
        if (Increment(_byUser, e.UserId, -1) == 0)
        {
            _sequencesByUser.Remove(e.UserId);
        }

        Increment(_byItem, e.ItemId, -1);
    }

    /// <summary>The sequence numbers of the user's oldest and newest events in this partition, or (-1, -1).</summary>
    public (long First, long Last) SequencesOf(string userId) => _sequencesByUser.GetValueOrDefault(userId, (-1, -1));

    public long Events => _events;

    public LogPartitionStats ToStats() => new(_events, _byUser.Count, [.. _byItem.Keys]);

    private static int Increment(Dictionary<string, int> counts, string key, int delta)
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

        return value;
    }
}
