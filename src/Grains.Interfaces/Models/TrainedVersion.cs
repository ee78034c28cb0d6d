namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// One trained model version as the retraining recorded it: its size, the events it was trained on, the seconds the
/// factorization took (<see cref="TrainSeconds"/>) and the whole training took, log read and export included
/// (<see cref="TotalSeconds"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.TrainedVersion")]
public sealed record TrainedVersion(
    [property: Id(0)] long Version,
    [property: Id(1)] DateTimeOffset TrainedAt,
    [property: Id(2)] int Users,
    [property: Id(3)] int Items,
    [property: Id(4)] int Factors,
    [property: Id(5)] long Events,
    [property: Id(6)] double TrainSeconds,
    [property: Id(7)] double TotalSeconds);
