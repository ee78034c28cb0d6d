using AIaaS.Grains.Interfaces;

namespace AIaaS.Client;

/// <summary>How an <see cref="EventTracker"/> queues, batches and retries events.</summary>
public sealed class EventTrackerOptions
{
    /// <summary>
    /// How many events may wait in memory (default 100,000). A larger queue rides out longer outages at the
    /// cost of memory and of more events lost if the process dies; when it is full, <see cref="IEventTracker.Track"/>
    /// refuses events (and counts them) while <see cref="IEventTracker.TrackAsync"/> waits for room.
    /// </summary>
    public int Capacity { get; set; } = 100_000;

    /// <summary>
    /// The most events sent in one flush (default 1,000; at most 10,000, the engine's batch limit, and at most
    /// <see cref="Capacity"/>). Larger batches mean fewer calls and more latency per call.
    /// </summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>
    /// How often a partial batch is sent (default 1 second): the longest an event waits in the queue while
    /// the cluster is healthy and traffic is light.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many times a batch is retried after a transient failure (a timeout, an unavailable silo or gateway)
    /// before its events are counted as failed (default 5). Other failures are not retried.
    /// </summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The delay before the first retry (default 200 ms); each further retry doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two retries (default 10 seconds).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Returns what is wrong with these options, each problem naming its option under <paramref name="prefix"/>.</summary>
    internal IEnumerable<string> Problems(string prefix)
    {
        if (Capacity < 1)
        {
            yield return $"{prefix}.Capacity must be at least 1 (was {Capacity}).";
        }

        if (BatchSize < 1 || BatchSize > EventRules.MaxBatchSize)
        {
            yield return $"{prefix}.BatchSize must be from 1 to {EventRules.MaxBatchSize} (was {BatchSize}).";
        }
        else if (BatchSize > Capacity && Capacity >= 1)
        {
            yield return $"{prefix}.BatchSize must not exceed {prefix}.Capacity ({BatchSize} > {Capacity}).";
        }

        if (FlushInterval <= TimeSpan.Zero)
        {
            yield return $"{prefix}.FlushInterval must be positive (was {FlushInterval}).";
        }

        if (MaxRetries < 0)
        {
            yield return $"{prefix}.MaxRetries must not be negative (was {MaxRetries}).";
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            yield return $"{prefix}.RetryBaseDelay must not be negative and {prefix}.RetryMaxDelay not below it " +
                $"(were {RetryBaseDelay} and {RetryMaxDelay}).";
        }
    }
}
