using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>An anonymous session's events (1–500, oldest first) and what to recommend for it.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.SessionRequest")]
public sealed record SessionRequest(
    [property: Id(0)] ImmutableArray<SessionEvent> Events,
    [property: Id(1)] RecommendationRequest Request);
