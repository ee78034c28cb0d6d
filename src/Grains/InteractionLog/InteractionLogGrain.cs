using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using Orleans.Concurrency;

namespace AIaaS.Grains.InteractionLog;

/// <summary>
/// The single writer of one log partition: numbers its events and hands concurrent appends to the store as one
/// group. Activation reads only the partition's last sequence, so it costs the same at 10k and at 1B events.
/// Reentrant so that appends arriving during a write join the next group; writes and erasures run one at a time,
/// in arrival order, so an erasure never races an append of the same user.
/// </summary>
[Reentrant]
public sealed class InteractionLogGrain(IInteractionLogStore store) : Grain, IInteractionLogGrain
{
    private readonly List<PendingAppend> _pending = [];
    private long _nextSequence;
    private Task? _flushing;
    private Task _tail = Task.CompletedTask;

    private int Partition => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _nextSequence = await store.GetLastSequenceAsync(Partition, cancellationToken) + 1;

    public async ValueTask<AppendedEvents> AppendAsync(ImmutableArray<InteractionEvent> events)
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

    public async ValueTask<ErasedUser> ForgetUserAsync(string userId)
    {
        EventRules.ThrowIfInvalid(EventRules.CheckId(userId, nameof(userId)), nameof(userId));
        ErasedUser? erased = null;
        await ExclusiveAsync(async () =>
        {
            var events = await store.EraseUserAsync(userId, CancellationToken.None);
            erased = new ErasedUser(events, _nextSequence - 1);
        });
        return erased!;
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
#pragma warning disable CA1031 // The failure goes to every caller of the group; the loop serves the next one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var append in batch)
                {
                    append.Done.TrySetException(ex);
                }
            }
        }
    }

    private async Task WriteAsync(PendingAppend[] batch)
    {
        var entries = new List<LoggedEvent>();
        var first = _nextSequence;
        foreach (var append in batch)
        {
            foreach (var e in append.Events)
            {
                entries.Add(new LoggedEvent(first + entries.Count, e));
            }
        }

        // Numbers are never handed out twice, even after a failed write: a commit reported failed may still have landed.
        _nextSequence = first + entries.Count;
        var stored = await store.AppendAsync(Partition, entries, CancellationToken.None);
        var at = 0;
        foreach (var append in batch)
        {
            var logged = ImmutableArray.CreateBuilder<LoggedEvent>(append.Events.Length);
            var duplicates = 0;
            foreach (var e in append.Events)
            {
                var sequence = stored[at];
                if (sequence != entries[at].Sequence)
                {
                    duplicates++;
                }

                logged.Add(new LoggedEvent(sequence, e));
                at++;
            }

            append.Done.TrySetResult(new AppendedEvents(logged.MoveToImmutable(), duplicates));
        }
    }

    /// <summary>Runs store work one piece at a time; reentrant calls queue behind it instead of interleaving.</summary>
    private async Task ExclusiveAsync(Func<Task> work)
    {
        var previous = _tail;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _tail = done.Task;
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

    private sealed record PendingAppend(ImmutableArray<InteractionEvent> Events)
    {
        public TaskCompletionSource<AppendedEvents> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
