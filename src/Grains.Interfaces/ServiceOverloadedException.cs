namespace AIaaS.Grains.Interfaces;

/// <summary>The silo has more work queued than it takes on (its inference queue is full): nothing was done, retry shortly. The HTTP API answers 503.</summary>
[GenerateSerializer, Alias("AIaaS.ServiceOverloadedException")]
public sealed class ServiceOverloadedException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public ServiceOverloadedException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ServiceOverloadedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    public ServiceOverloadedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
