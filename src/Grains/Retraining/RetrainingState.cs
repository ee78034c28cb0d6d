using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Retraining;

[GenerateSerializer, Alias("AIaaS.RetrainingState")]
public sealed class RetrainingState
{
    /// <summary>The served model version; 0 before the first training.</summary>
    [Id(0)]
    public long CurrentVersion { get; set; }

    [Id(1)]
    public DateTimeOffset? TrainedAt { get; set; }

    [Id(2)]
    public int Users { get; set; }

    [Id(3)]
    public int Items { get; set; }

    [Id(4)]
    public int Factors { get; set; }

    [Id(5)]
    public Dictionary<string, double> Metrics { get; set; } = [];

    /// <summary>Acknowledged events in the log when the current model's data was read.</summary>
    [Id(6)]
    public long EventsAtLastModel { get; set; }

    [Id(7)]
    public string? LastError { get; set; }

    [Id(8)]
    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>The highest version number ever reserved for a training: a number is never used for two models, even when a training failed after taking it.</summary>
    [Id(9)]
    public long ReservedVersion { get; set; }

    /// <summary>Failed trainings in a row; reminders and the threshold back off while it is above zero.</summary>
    [Id(10)]
    public int ConsecutiveFailures { get; set; }

    /// <summary>The trained versions, oldest first, at most <see cref="Interfaces.IRetrainingGrain.ModelHistoryLength"/>.</summary>
    [Id(11)]
    public List<TrainedVersion> History { get; set; } = [];
}
