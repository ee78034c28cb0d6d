namespace AIaaS.Grains.Telemetry;

/// <summary>
/// One bucket of this silo's recent activity: counts, rates over <paramref name="Seconds"/> (the bucket's length, or
/// how long the current bucket has run), and the recommendation p99 in milliseconds (null when none was served).
/// </summary>
public sealed record ActivityBucket(
    DateTimeOffset Start,
    double Seconds,
    long Events,
    long Recommendations,
    double EventsPerSecond,
    double RecommendationsPerSecond,
    double? RecommendationP99Ms);
