namespace AIaaS.Engine.Inference;

/// <summary>The inference queue is full: the request was not queued and may be retried later.</summary>
public sealed class InferenceQueueFullException : Exception
{
    /// <summary>A full queue of unknown capacity.</summary>
    public InferenceQueueFullException()
        : base("The inference queue is full.")
    {
    }

    /// <summary>A full queue holding <paramref name="capacity"/> requests.</summary>
    public InferenceQueueFullException(int capacity)
        : base($"The inference queue is full ({capacity} requests waiting); try again shortly.")
    {
    }

    /// <summary>A full queue, with a message of the caller's.</summary>
    public InferenceQueueFullException(string message)
        : base(message)
    {
    }

    /// <summary>A full queue, with a message and the failure behind it.</summary>
    public InferenceQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
