using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>
/// The single writer of one partition of the durable interaction log (keyed by partition number; users are assigned
/// by a stable hash of their id): it numbers the partition's events, group-commits concurrent appends and keeps
/// erasures in order with them. Reads go to the log store directly.
/// </summary>
[Alias("AIaaS.IInteractionLogGrain")]
public interface IInteractionLogGrain : IGrainWithIntegerKey
{
    /// <summary>Completes once the events are in durable storage; returns them with their sequence numbers, in order.</summary>
    [Alias("Append")]
    ValueTask<AppendedEvents> AppendAsync(ImmutableArray<InteractionEvent> events);

    /// <summary>
    /// Removes every entry of the user once the appends before it are stored; returns the erased events in sequence
    /// order and the partition's last sequence at the erasure (nothing at or below it may be applied to the user again).
    /// </summary>
    [Alias("ForgetUser")]
    ValueTask<ErasedUser> ForgetUserAsync(string userId);
}
