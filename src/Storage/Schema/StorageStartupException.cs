namespace AIaaS.Storage.Schema;

/// <summary>Storage that cannot be used at start-up (a path that cannot be written, a corrupt or newer database); the message names the path or setting.</summary>
public sealed class StorageStartupException : Exception
{
    public StorageStartupException()
    {
    }

    public StorageStartupException(string message)
        : base(message)
    {
    }

    public StorageStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
