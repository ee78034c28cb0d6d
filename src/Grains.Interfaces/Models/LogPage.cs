using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// A page of a log partition read in sequence order; <see cref="NextSequence"/> is where the next read starts.
/// <see cref="ErasureEpoch"/> changes whenever the partition erases entries (and when it is reactivated): a reader
/// that kept events from earlier pages may keep them only while it is unchanged.
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.LogPage")]
public sealed record LogPage(
    [property: Id(0)] ImmutableArray<LoggedEvent> Events,
    [property: Id(1)] long NextSequence,
    [property: Id(2)] bool IsEnd,
    [property: Id(3)] long ErasureEpoch = 0);
