using System.Collections.Immutable;

namespace AIaaS.Grains.Telemetry;

/// <summary>This silo's activity since <paramref name="Since"/> (its start): totals, and the buckets of the last few minutes, oldest first.</summary>
public sealed record ActivityReport(
    DateTimeOffset Since,
    double BucketSeconds,
    long EventsTotal,
    long RecommendationsTotal,
    ImmutableArray<ActivityBucket> Buckets);
