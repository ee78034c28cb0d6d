namespace AIaaS.Silo.Security;

/// <summary>A token bucket per API key (or per client address without auth), bound from <see cref="Section"/>; off unless set.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "AIaaS:RateLimit";

    /// <summary>The requests each key (or address) may make per second, sustained; unset or 0: no limit.</summary>
    public int RequestsPerSecond { get; set; }

    /// <summary>The requests a key may make at once after a quiet spell; unset: one second's worth.</summary>
    public int? Burst { get; set; }

    public bool Enabled => RequestsPerSecond > 0;

    public int EffectiveBurst => Burst ?? RequestsPerSecond;
}
