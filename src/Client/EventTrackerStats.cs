namespace AIaaS.Client;

/// <summary>What an <see cref="IEventTracker"/> did with the events it was given.</summary>
/// <param name="Queued">Events accepted into the queue.</param>
/// <param name="Sent">Events acknowledged by the engine.</param>
/// <param name="Dropped">Events refused because the queue was full.</param>
/// <param name="Failed">Events given up after a permanent failure, the last retry, or a shutdown that timed out.</param>
/// <param name="Retries">Retries of a user's batch after a transient failure.</param>
public readonly record struct EventTrackerStats(long Queued, long Sent, long Dropped, long Failed, long Retries)
{
    /// <summary>Events queued and not yet sent or failed.</summary>
    public long Pending => Queued - Sent - Failed;
}
