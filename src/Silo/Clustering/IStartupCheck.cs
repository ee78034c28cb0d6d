namespace AIaaS.Silo.Clustering;

/// <summary>
/// A check the start-up guard runs after the host is built and before it starts; it throws
/// <see cref="StartupConfigurationException"/> naming the setting that is wrong.
/// </summary>
internal interface IStartupCheck
{
    Task CheckAsync(CancellationToken cancellationToken);
}
