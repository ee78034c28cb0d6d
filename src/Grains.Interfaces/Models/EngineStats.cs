namespace AIaaS.Grains.Interfaces.Models;

/// <summary>Cluster-wide counts of acknowledged events and the distinct users and items in them.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.EngineStats")]
public sealed record EngineStats(
    [property: Id(0)] long Events,
    [property: Id(1)] long Users,
    [property: Id(2)] long Items);
