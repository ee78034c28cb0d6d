using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;

namespace AIaaS.Grains.InteractionLog;

/// <summary>
/// One partition of the durable interaction log, stored as a short index plus fixed-size segments.
/// Reentrant so that concurrent appends join one group commit; storage mutations still run one at a time.
/// </summary>
[Reentrant]
public sealed class InteractionLogGrain(
    [PersistentState("log-index")] IPersistentState<LogPartitionState> index,
    IOptions<EngineOptions> options) : Grain, IInteractionLogGrain
{
    private readonly int _segmentSize = options.Value.LogSegmentSize;
    private readonly List<PendingAppend> _pending = [];
    private readonly LogCounts _counts = new();
    private readonly List<SegmentRange> _ranges = [];
    private IGrainStorage _storage = null!;
    private readonly Dictionary<int, StoredSegment> _sealed = [];
    private readonly int _cacheLimit = options.Value.LogReadCacheEvents;
    private int _cachedEvents;
    private StoredSegment _current = new();
    private long _nextSequence;
    private Task? _flushing;
    private Task _storageTail = Task.CompletedTask;

    // Not stored: a new activation starts a new epoch, so an erasure before a restart is never missed.
    private long _erasureEpoch = Random.Shared.NextInt64();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        for (var n = 0; n < index.State.Segments; n++)
        {
            var segment = await ReadSegmentAsync(n);
            if (n < index.State.Segments - 1)
            {
                Cache(n, segment);
            }

            foreach (var logged in segment.State.Events)
            {
                _counts.Add(logged);
                _nextSequence = logged.Sequence + 1;
            }

            _ranges.Add(SegmentRange.Of(n, segment.State.Events));
            _current = segment;
        }
    }

    public async ValueTask<ImmutableArray<LoggedEvent>> AppendAsync(ImmutableArray<InteractionEvent> events)
    {
        EventRules.ThrowIfInvalid(EventRules.CheckBatch(events), nameof(events));
        var pending = new PendingAppend(events);
        _pending.Add(pending);
        if (_flushing is null || _flushing.IsCompleted)
        {
            _flushing = FlushLoopAsync();
        }

        return await pending.Done.Task;
    }

    public async ValueTask<ImmutableArray<LoggedEvent>> ReadUserAsync(string userId, long afterSequence)
    {
        EventRules.ThrowIfInvalid(EventRules.CheckId(userId, nameof(userId)), nameof(userId));
        var found = ImmutableArray.CreateBuilder<LoggedEvent>();
        var (first, last) = _counts.SequencesOf(userId);
        var from = Math.Max(first, afterSequence + 1);
        if (last < from)
        {
            return found.ToImmutable();
        }

        // Only segments that overlap the user's unapplied span are read: after a save, that is seconds of log.
        await ExclusiveAsync(async () =>
        {
            foreach (var range in _ranges)
            {
                if (range.IsEmpty || range.Last < from || range.First > last)
                {
                    continue;
                }

                var segment = await SegmentAsync(range.Number);
                foreach (var logged in segment.State.Events)
                {
                    if (logged.Sequence >= from && string.Equals(logged.Event.UserId, userId, StringComparison.Ordinal))
                    {
                        found.Add(logged);
                    }
                }
            }
        });
        return found.ToImmutable();
    }

    public async ValueTask<LogPage> ReadAsync(long fromSequence, int maxEvents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEvents);
        var page = ImmutableArray.CreateBuilder<LoggedEvent>();
        var epoch = 0L;
        await ExclusiveAsync(async () =>
        {
            // Erasures are exclusive too, so the page is exactly what the log held in this epoch.
            epoch = _erasureEpoch;
            foreach (var range in _ranges)
            {
                if (range.Last < fromSequence || range.IsEmpty)
                {
                    continue;
                }

                var segment = await SegmentAsync(range.Number);
                foreach (var logged in segment.State.Events)
                {
                    if (logged.Sequence >= fromSequence && page.Count < maxEvents)
                    {
                        page.Add(logged);
                    }
                }

                if (page.Count >= maxEvents)
                {
                    break;
                }
            }
        });

        var next = page.Count > 0 ? page[^1].Sequence + 1 : Math.Max(fromSequence, _nextSequence);
        return new LogPage(page.ToImmutable(), next, next >= _nextSequence, epoch);
    }

    public async ValueTask<int> ForgetUserAsync(string userId)
    {
        EventRules.ThrowIfInvalid(EventRules.CheckId(userId, nameof(userId)), nameof(userId));
        var removed = 0;
        await ExclusiveAsync(async () =>
        {
            for (var n = 0; n < _ranges.Count; n++)
            {
                var segment = await SegmentAsync(n);
                var count = segment.State.Events.RemoveAll(logged => ForgetIfOwned(logged, userId));
                if (count > 0)
                {
                    await _storage.WriteStateAsync(SegmentName(n), this.GetGrainId(), segment);
                    _ranges[n] = SegmentRange.Of(n, segment.State.Events);
                    _erasureEpoch = Random.Shared.NextInt64();
                    removed += count;
                }
            }
        });
        return removed;
    }

    public ValueTask<long> GetEventCountAsync() => ValueTask.FromResult(_counts.Events);

    public ValueTask<LogPartitionStats> GetStatsAsync() => ValueTask.FromResult(_counts.ToStats());

    private bool ForgetIfOwned(LoggedEvent logged, string userId)
    {
        if (!string.Equals(logged.Event.UserId, userId, StringComparison.Ordinal))
        {
            return false;
        }

        _counts.Remove(logged.Event);
        return true;
    }

    private async Task FlushLoopAsync()
    {
        while (_pending.Count > 0)
        {
            var batch = _pending.ToArray();
            _pending.Clear();
            try
            {
                await ExclusiveAsync(() => WriteAsync(batch));
            }
            catch (Exception ex)
            {
                foreach (var append in batch)
                {
                    append.Done.TrySetException(ex);
                }

                // Memory may now hold events that storage does not: start again from what storage has.
                DeactivateOnIdle();
            }
        }
    }

    private async Task WriteAsync(PendingAppend[] batch)
    {
        var added = new List<LoggedEvent>();
        var logged = new ImmutableArray<LoggedEvent>.Builder[batch.Length];
        for (var a = 0; a < batch.Length; a++)
        {
            logged[a] = ImmutableArray.CreateBuilder<LoggedEvent>(batch[a].Events.Length);
            foreach (var e in batch[a].Events)
            {
                if (_ranges.Count == 0 || _current.State.Events.Count >= _segmentSize)
                {
                    if (_ranges.Count > 0)
                    {
                        await _storage.WriteStateAsync(SegmentName(_ranges.Count - 1), this.GetGrainId(), _current);
                        _ranges[^1] = SegmentRange.Of(_ranges.Count - 1, _current.State.Events);
                        Cache(_ranges.Count - 1, _current);
                    }

                    await OpenSegmentAsync();
                }

                var entry = new LoggedEvent(_nextSequence++, e);
                _current.State.Events.Add(entry);
                logged[a].Add(entry);
                added.Add(entry);
            }
        }

        await _storage.WriteStateAsync(SegmentName(_ranges.Count - 1), this.GetGrainId(), _current);
        _ranges[^1] = SegmentRange.Of(_ranges.Count - 1, _current.State.Events);
        foreach (var entry in added)
        {
            _counts.Add(entry);
        }

        for (var a = 0; a < batch.Length; a++)
        {
            batch[a].Done.TrySetResult(logged[a].MoveToImmutable());
        }
    }

    private async Task OpenSegmentAsync()
    {
        // The index grows before the segment is used, so a crash can leave an empty segment but never an unindexed one.
        index.State.Segments = _ranges.Count + 1;
        await index.WriteStateAsync();
        _ranges.Add(SegmentRange.Empty(_ranges.Count));
        _current = new StoredSegment();
    }

    /// <summary>A segment for reading: the open one, a cached sealed one, or one read from storage.</summary>
    private async ValueTask<StoredSegment> SegmentAsync(int number) =>
        number == _ranges.Count - 1 ? _current
        : _sealed.TryGetValue(number, out var cached) ? cached
        : await ReadSegmentAsync(number);

    /// <summary>
    /// Keeps a sealed segment in memory while the cache has room: sealed segments change only when a user is
    /// forgotten (which edits the cached object too), and retraining reads every one of them.
    /// </summary>
    private void Cache(int number, StoredSegment segment)
    {
        if (_cachedEvents + segment.State.Events.Count <= _cacheLimit && _sealed.TryAdd(number, segment))
        {
            _cachedEvents += segment.State.Events.Count;
        }
    }

    private async Task<StoredSegment> ReadSegmentAsync(int number)
    {
        var segment = new StoredSegment();
        await _storage.ReadStateAsync(SegmentName(number), this.GetGrainId(), segment);
        return segment;
    }

    /// <summary>Runs storage work one piece at a time; reentrant calls queue behind it instead of interleaving.</summary>
    private async Task ExclusiveAsync(Func<Task> work)
    {
        var previous = _storageTail;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _storageTail = done.Task;
        try
        {
            await previous;
            await work();
        }
        finally
        {
            done.SetResult();
        }
    }

    private static string SegmentName(int number) => $"log-segment-{number}";

    private sealed record PendingAppend(ImmutableArray<InteractionEvent> Events)
    {
        public TaskCompletionSource<ImmutableArray<LoggedEvent>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
