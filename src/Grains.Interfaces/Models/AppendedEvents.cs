using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// What a log append acknowledged: every event of the request with the sequence number the log holds it under, in
/// request order. A duplicate (its user and event id were already in the log) carries the earlier event's sequence
/// and is counted in <see cref="Duplicates"/>; it is delivered again so that a user who missed it still applies it once.
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.AppendedEvents")]
public sealed record AppendedEvents(
    [property: Id(0)] ImmutableArray<LoggedEvent> Events,
    [property: Id(1)] int Duplicates);
