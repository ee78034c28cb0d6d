using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Storage;

/// <summary>
/// The durable interaction log: an append-only table of events numbered per partition, indexed for its three reads
/// (a user's events after a sequence, a partition's events after a sequence, a user's erasure). Each partition has
/// one writer at a time (its <c>InteractionLogGrain</c>), which assigns the sequence numbers; reads may come from anywhere.
/// </summary>
public interface IInteractionLogStore
{
    /// <summary>The highest sequence number the partition ever stored (erased entries included), or -1.</summary>
    Task<long> GetLastSequenceAsync(int partition, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the entries in one durable commit, in order. An entry whose (user, event id) is already stored, or
    /// appears earlier in <paramref name="entries"/>, is not stored again. Returns, per entry, the sequence the log
    /// holds it under: its own, or the earlier entry's for a duplicate. Either every new entry is stored or none is.
    /// </summary>
    Task<ImmutableArray<long>> AppendAsync(int partition, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken);

    /// <summary>The user's events with a sequence above <paramref name="afterSequence"/>, in order.</summary>
    Task<ImmutableArray<LoggedEvent>> ReadUserAsync(string userId, long afterSequence, CancellationToken cancellationToken);

    /// <summary>
    /// Hands up to <paramref name="maxEvents"/> of the partition's events with a sequence above
    /// <paramref name="afterSequence"/> to <paramref name="rows"/>, in order, with what a matrix needs of each (the
    /// retraining's read, partitions in parallel).
    /// </summary>
    Task<LogRowPage> ReadRowsAsync(int partition, long afterSequence, int maxEvents, ILogRowSink rows, CancellationToken cancellationToken);

    /// <summary>Deletes every entry of the user and records the erasure; returns the deleted events in sequence order.</summary>
    Task<ImmutableArray<LoggedEvent>> EraseUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Erasures recorded after <paramref name="afterId"/>, oldest first: what a kept copy of the log must drop.</summary>
    Task<ImmutableArray<Erasure>> ReadErasuresAsync(long afterId, CancellationToken cancellationToken);

    /// <summary>Stored events, and the distinct users and items in them.</summary>
    Task<LogTotals> CountAsync(CancellationToken cancellationToken);

    /// <summary>Stored events only: cheaper than <see cref="CountAsync"/>.</summary>
    Task<long> CountEventsAsync(CancellationToken cancellationToken);
}
