namespace AIaaS.Grains.Interfaces;

/// <summary>The silo has more work queued than it takes on (its inference queue is full): nothing was done, retry shortly. The HTTP API answers 503.</summary>
[GenerateSerializer, Alias("AIaaS.ServiceOverloadedException")]
public sealed class ServiceOverloadedException : Exception
{
    public ServiceOverloadedException()
    {
    }

    public ServiceOverloadedException(string message)
        : base(message)
    {
    }

    public ServiceOverloadedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
