namespace AIaaS.Client;

/// <summary>How the client finds the cluster, and how its background tracker batches events.</summary>
public sealed class RecommendationClientOptions
{
    /// <summary>The configuration section <c>AddRecommendationClient</c> binds on an <c>IHostApplicationBuilder</c>.</summary>
    public const string SectionName = "RecommendationClient";

    /// <summary>The gateway used when <see cref="Gateways"/> is empty: a silo on this machine with default ports.</summary>
    public const string DefaultGateway = "127.0.0.1:30000";

    /// <summary>The cluster and service id used when none is set; the silo uses the same defaults.</summary>
    public const string DefaultId = "aiaas";

    /// <summary>
    /// The silos' gateway endpoints as <c>host:port</c> (an IP address, <c>[::1]:port</c> or a DNS name, resolved
    /// at start). Empty means <see cref="DefaultGateway"/>. Configuration binding adds to this list, which is why
    /// the default is not stored in it.
    /// </summary>
    public IList<string> Gateways { get; set; } = [];

    /// <summary>The Orleans cluster id; must match the silos' (default <c>aiaas</c>).</summary>
    public string ClusterId { get; set; } = DefaultId;

    /// <summary>The Orleans service id; must match the silos' (default <c>aiaas</c>).</summary>
    public string ServiceId { get; set; } = DefaultId;

    /// <summary>How the background <see cref="IEventTracker"/> queues, batches and retries events.</summary>
    public EventTrackerOptions Tracker { get; set; } = new();
}
