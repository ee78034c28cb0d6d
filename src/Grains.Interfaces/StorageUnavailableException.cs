namespace AIaaS.Grains.Interfaces;

/// <summary>
/// The storage behind the engine failed (a disk full, a database gone, a locked or corrupt file): the operation did
/// not happen, nothing it would have acknowledged was acknowledged, and it may be retried. The HTTP API answers 503.
/// </summary>
[GenerateSerializer, Alias("AIaaS.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public StorageUnavailableException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
