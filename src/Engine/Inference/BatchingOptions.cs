namespace AIaaS.Engine.Inference;

/// <summary>Dynamic batching, like Triton's: a batch runs when it is full or when its oldest request has waited long enough.</summary>
public sealed record BatchingOptions
{
    /// <summary>Most requests in one batch. Larger batches amortize the item matrix over more users; 1 turns batching off.</summary>
    public int MaxBatchSize { get; init; } = 64;

    /// <summary>
    /// Longest time the oldest queued request waits for company (Triton's max_queue_delay_microseconds).
    /// Bounds the latency that batching adds when load is light; under load batches fill before it expires.
    /// Zero dispatches at once with whatever is queued: batches then form from requests that arrive while
    /// the previous batch runs.
    /// </summary>
    public TimeSpan MaxQueueDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Most requests waiting to be scored. Past it a request is refused at once (<see cref="InferenceQueueFullException"/>)
    /// rather than queued behind work the silo cannot finish in time: overload answers quickly instead of growing memory.
    /// </summary>
    public int MaxQueuedRequests { get; init; } = 10_000;
}
