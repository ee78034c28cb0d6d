using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Storage;

/// <summary>A page of a log partition in sequence order; <see cref="IsEnd"/> when the partition held no more.</summary>
public sealed record LogPage(ImmutableArray<LoggedEvent> Events, bool IsEnd);
