using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;

namespace AIaaS.Grains.UnitTests;

/// <summary>A log store that fails appends on command: before storing anything, or after storing (a commit whose acknowledgement was lost).</summary>
internal sealed class FaultyLogStore(IInteractionLogStore inner) : IInteractionLogStore
{
    private int _failBefore;
    private int _failAfter;

    /// <summary>The next <paramref name="appends"/> appends store nothing and throw.</summary>
    public void FailBeforeStoring(int appends) => Volatile.Write(ref _failBefore, appends);

    /// <summary>The next <paramref name="appends"/> appends are stored, then throw as if the commit's answer was lost.</summary>
    public void FailAfterStoring(int appends) => Volatile.Write(ref _failAfter, appends);

    public async Task<ImmutableArray<long>> AppendAsync(int partition, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failBefore) >= 0)
        {
            throw new StorageUnavailableException("injected: the log could not be written");
        }

        var stored = await inner.AppendAsync(partition, entries, cancellationToken);
        return Interlocked.Decrement(ref _failAfter) >= 0
            ? throw new StorageUnavailableException("injected: the commit's answer was lost")
            : stored;
    }

    public Task<long> GetLastSequenceAsync(int partition, CancellationToken cancellationToken) => inner.GetLastSequenceAsync(partition, cancellationToken);

    public Task<ImmutableArray<LoggedEvent>> ReadUserAsync(string userId, long afterSequence, CancellationToken cancellationToken) =>
        inner.ReadUserAsync(userId, afterSequence, cancellationToken);

    public Task<LogRowPage> ReadRowsAsync(int partition, long afterSequence, int maxEvents, ILogRowSink rows, CancellationToken cancellationToken) =>
        inner.ReadRowsAsync(partition, afterSequence, maxEvents, rows, cancellationToken);

    public Task<ImmutableArray<LoggedEvent>> EraseUserAsync(string userId, CancellationToken cancellationToken) => inner.EraseUserAsync(userId, cancellationToken);

    public Task<ImmutableArray<Erasure>> ReadErasuresAsync(long afterId, CancellationToken cancellationToken) => inner.ReadErasuresAsync(afterId, cancellationToken);

    public Task<LogTotals> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);

    public Task<long> CountEventsAsync(CancellationToken cancellationToken) => inner.CountEventsAsync(cancellationToken);
}
