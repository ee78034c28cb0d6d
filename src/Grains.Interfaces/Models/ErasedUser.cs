using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>A user's erased log entries, in sequence order, and the partition's last sequence when they were erased.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ErasedUser")]
public sealed record ErasedUser(
    [property: Id(0)] ImmutableArray<LoggedEvent> Events,
    [property: Id(1)] long ErasedThrough);
