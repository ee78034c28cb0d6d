namespace AIaaS.Silo.Options;

/// <summary>How long a stop (SIGTERM, Ctrl-C) may take, bound from the <see cref="Section"/> section.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "AIaaS:Host";

    /// <summary>
    /// The host's stop timeout: past it every service is told to give up. Grain deactivations, and the state saves
    /// they make, get half of it, so a silo whose storage went away still leaves the cluster in time; a few seconds
    /// past it the process exits whatever is still running. Longer gives a slow store more time to take the last
    /// saves; it must stay under the orchestrator's grace period (Kubernetes: terminationGracePeriodSeconds).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
