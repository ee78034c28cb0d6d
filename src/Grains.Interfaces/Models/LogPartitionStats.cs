using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// Counts of one log partition. Users are partitioned by id, so user counts add up across partitions;
/// items are not, so the partition lists its distinct items for the caller to union.
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.LogPartitionStats")]
public sealed record LogPartitionStats(
    [property: Id(0)] long Events,
    [property: Id(1)] int Users,
    [property: Id(2)] ImmutableArray<string> Items);
