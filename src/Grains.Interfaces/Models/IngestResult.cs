namespace AIaaS.Grains.Interfaces.Models;

/// <summary>What an ingest stored: <see cref="Accepted"/> new events, and <see cref="Duplicates"/> repeats of events the log already held (stored once).</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates);
