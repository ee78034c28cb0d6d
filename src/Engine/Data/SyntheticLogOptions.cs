namespace AIaaS.Engine.Data;

/// <summary>Shape of a synthetic interaction log (<see cref="SyntheticLogGenerator"/>).</summary>
public sealed class SyntheticLogOptions
{
    /// <summary>Number of distinct user ids (1..Users); power-law activity means some may never appear.</summary>
    public int Users { get; init; } = 10_000;

    /// <summary>Number of distinct item ids (1..Items).</summary>
    public int Items { get; init; } = 2_000;

    /// <summary>Number of events (lines) to write.</summary>
    public long Events { get; init; } = 1_000_000;

    /// <summary>Seed; the same options give the same file byte for byte.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Number of planted taste clusters. Users prefer items of their own cluster, which ALS can recover.</summary>
    public int Clusters { get; init; } = 8;

    /// <summary>Probability that an event picks an item from the user's own cluster rather than from the whole catalog.</summary>
    public double ClusterAffinity { get; init; } = 0.8;

    /// <summary>Zipf exponent of item popularity (weight of the r-th item ∝ r^-s). Around 1 is typical of catalogs.</summary>
    public double PopularityExponent { get; init; } = 0.9;

    /// <summary>Zipf exponent of user activity.</summary>
    public double ActivityExponent { get; init; } = 0.7;

    /// <summary>Unix time (seconds) of the first event; later events are spread over one year, non-decreasing.</summary>
    public long StartTime { get; init; } = 1_767_225_600;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    internal void Validate()
    {
        if (Users < 1) ThrowHelper.Option("Users", "must be at least 1", Users);
        if (Items < 1) ThrowHelper.Option("Items", "must be at least 1", Items);
        if (Events < 0) ThrowHelper.Option("Events", "must not be negative", Events);
        if (Clusters < 1 || Clusters > Math.Min(Users, Items)) ThrowHelper.Option("Clusters", "must be between 1 and min(Users, Items)", Clusters);
        if (ClusterAffinity is < 0 or > 1 || double.IsNaN(ClusterAffinity)) ThrowHelper.Option("ClusterAffinity", "must be between 0 and 1", ClusterAffinity);
        if (PopularityExponent is < 0 or > 5 || double.IsNaN(PopularityExponent)) ThrowHelper.Option("PopularityExponent", "must be between 0 and 5", PopularityExponent);
        if (ActivityExponent is < 0 or > 5 || double.IsNaN(ActivityExponent)) ThrowHelper.Option("ActivityExponent", "must be between 0 and 5", ActivityExponent);
    }
}
