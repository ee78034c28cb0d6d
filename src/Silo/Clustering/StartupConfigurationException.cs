namespace AIaaS.Silo.Clustering;

/// <summary>A configuration mistake found at start-up; the message names the setting and is shown as one line.</summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException()
    {
    }

    public StartupConfigurationException(string message)
        : base(message)
    {
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
