using System.Collections.Immutable;

namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// The served model and the retraining's progress. <see cref="Version"/> is null while no model has been
/// trained; <see cref="LastError"/> is the last failed training's message (the previous model keeps serving).
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ModelStatus")]
public sealed record ModelStatus(
    [property: Id(0)] long? Version,
    [property: Id(1)] DateTimeOffset? TrainedAt,
    [property: Id(2)] int Users,
    [property: Id(3)] int Items,
    [property: Id(4)] int Factors,
    [property: Id(5)] ImmutableDictionary<string, double> Metrics,
    [property: Id(6)] bool Training,
    [property: Id(7)] string? Progress,
    [property: Id(8)] string? LastError,
    [property: Id(9)] DateTimeOffset? LastErrorAt);
