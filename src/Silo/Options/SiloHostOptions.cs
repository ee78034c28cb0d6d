namespace AIaaS.Silo.Options;

/// <summary>Where this silo listens and which cluster it joins, bound from the <see cref="Section"/> section.</summary>
public sealed class SiloHostOptions
{
    public const string Section = "Orleans";

    /// <summary>Silos and clients of one deployment share it; two deployments on one network must differ.</summary>
    public string ClusterId { get; set; } = "aiaas";

    /// <summary>Stable across deployments of the same service: storage keys depend on it.</summary>
    public string ServiceId { get; set; } = "aiaas";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port that clients (the SDK) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The IP address this silo listens on and tells the others in the membership table. Loopback by default,
    /// so several silos can run on one machine with different ports; a container sets its own address. Ignored
    /// when <c>Orleans:Kubernetes</c> is true (the pod IP is used).
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
