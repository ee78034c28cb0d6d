using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>
/// One partition of the durable interaction log (keyed by partition number; users are assigned by a
/// stable hash of their id). The source of truth for retraining and for the engine's counts.
/// </summary>
[Alias("AIaaS.IInteractionLogGrain")]
public interface IInteractionLogGrain : IGrainWithIntegerKey
{
    /// <summary>Completes once the events are in durable storage; returns them with their sequence numbers, in order.</summary>
    [Alias("Append")]
    ValueTask<ImmutableArray<LoggedEvent>> AppendAsync(ImmutableArray<InteractionEvent> events);

    /// <summary>The user's events with a sequence number above <paramref name="afterSequence"/>, in order.</summary>
    [Alias("ReadUser")]
    ValueTask<ImmutableArray<LoggedEvent>> ReadUserAsync(string userId, long afterSequence);

    [Alias("Read")]
    ValueTask<LogPage> ReadAsync(long fromSequence, int maxEvents);

    /// <summary>Removes every entry of the user; returns how many were removed.</summary>
    [Alias("ForgetUser")]
    ValueTask<int> ForgetUserAsync(string userId);

    /// <summary>Acknowledged events in this partition; cheaper than <see cref="GetStatsAsync"/>, which lists the items.</summary>
    [Alias("GetEventCount")]
    ValueTask<long> GetEventCountAsync();

    [Alias("GetStats")]
    ValueTask<LogPartitionStats> GetStatsAsync();
}
