using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;

namespace AIaaS.Storage.Memory;

/// <summary>
/// The interaction log in process memory, for tests and for <c>AIaaS:Storage:Provider=Memory</c>: lost with the
/// process. One instance serves every silo of an in-process test cluster, as one database would.
/// </summary>
public sealed class MemoryInteractionLogStore : IInteractionLogStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, SortedList<long, LoggedEvent>> _partitions = [];
    private readonly Dictionary<int, long> _lastSequence = [];
    private readonly Dictionary<(string User, string EventId), long> _eventIds = [];
    private readonly Dictionary<string, List<LoggedEvent>> _byUser = new(StringComparer.Ordinal);
    private readonly List<Erasure> _erasures = [];

    public Task<long> GetLastSequenceAsync(int partition, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_lastSequence.GetValueOrDefault(partition, -1));
        }
    }

    public Task<ImmutableArray<long>> AppendAsync(int partition, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var log = PartitionOf(partition);
            var stored = ImmutableArray.CreateBuilder<long>(entries.Count);
            foreach (var entry in entries)
            {
                if (entry.Event.EventId is { } eventId && _eventIds.TryGetValue((entry.Event.UserId, eventId), out var earlier))
                {
                    stored.Add(earlier);
                    continue;
                }

                log.Add(entry.Sequence, entry);
                if (!_byUser.TryGetValue(entry.Event.UserId, out var userEvents))
                {
                    _byUser[entry.Event.UserId] = userEvents = [];
                }

                userEvents.Add(entry);
                if (entry.Event.EventId is { } id)
                {
                    _eventIds[(entry.Event.UserId, id)] = entry.Sequence;
                }

                _lastSequence[partition] = Math.Max(_lastSequence.GetValueOrDefault(partition, -1), entry.Sequence);
                stored.Add(entry.Sequence);
            }

            return Task.FromResult(stored.MoveToImmutable());
        }
    }

    public Task<ImmutableArray<LoggedEvent>> ReadUserAsync(string userId, long afterSequence, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(EventsOf(userId).Where(e => e.Sequence > afterSequence).ToImmutableArray());
        }
    }

    public Task<LogRowPage> ReadRowsAsync(int partition, long afterSequence, int maxEvents, ILogRowSink rows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEvents);
        ArgumentNullException.ThrowIfNull(rows);
        List<LoggedEvent> page;
        lock (_lock)
        {
            page = [.. PartitionOf(partition).Values.Where(e => e.Sequence > afterSequence).Take(maxEvents + 1)];
        }

        // The sink runs outside the lock; the row past the page only says that the partition goes on.
        var handed = Math.Min(page.Count, maxEvents);
        foreach (var logged in page.Take(handed))
        {
            rows.Add(logged.Sequence, logged.Event.UserId, logged.Event.ItemId, logged.Event.Type, logged.Event.Value);
        }

        return Task.FromResult(new LogRowPage(handed, handed > 0 ? page[handed - 1].Sequence : afterSequence, page.Count <= maxEvents));
    }

    public Task<ImmutableArray<LoggedEvent>> EraseUserAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var erased = EventsOf(userId).ToImmutableArray();
            foreach (var log in _partitions.Values)
            {
                foreach (var entry in log.Values.Where(e => string.Equals(e.Event.UserId, userId, StringComparison.Ordinal)).ToList())
                {
                    log.Remove(entry.Sequence);
                }
            }

            foreach (var entry in erased)
            {
                if (entry.Event.EventId is { } eventId)
                {
                    _eventIds.Remove((userId, eventId));
                }
            }

            _byUser.Remove(userId);
            _erasures.Add(new Erasure(_erasures.Count + 1, userId));
            return Task.FromResult(erased);
        }
    }

    public Task<ImmutableArray<Erasure>> ReadErasuresAsync(long afterId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_erasures.Where(e => e.Id > afterId).ToImmutableArray());
        }
    }

    public Task<LogTotals> CountAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var all = _partitions.Values.SelectMany(p => p.Values).ToList();
            return Task.FromResult(new LogTotals(
                all.Count,
                all.Select(e => e.Event.UserId).Distinct(StringComparer.Ordinal).Count(),
                all.Select(e => e.Event.ItemId).Distinct(StringComparer.Ordinal).Count()));
        }
    }

    public Task<long> CountEventsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult((long)_partitions.Values.Sum(p => p.Count));
        }
    }

    private SortedList<long, LoggedEvent> PartitionOf(int partition)
    {
        if (!_partitions.TryGetValue(partition, out var log))
        {
            _partitions[partition] = log = [];
        }

        return log;
    }

    /// <summary>The user's events in sequence order, as the databases' ORDER BY seq gives them.</summary>
    private List<LoggedEvent> EventsOf(string userId) =>
        _byUser.TryGetValue(userId, out var events) ? [.. events.OrderBy(e => e.Sequence)] : [];
}
