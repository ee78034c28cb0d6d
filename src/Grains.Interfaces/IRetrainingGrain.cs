using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>
/// The cluster's one retraining coordinator (key 0): trains a new model from the interaction log on a
/// reminder, after a threshold of new events, or on request, and publishes it as the current version.
/// </summary>
[Alias("AIaaS.IRetrainingGrain")]
public interface IRetrainingGrain : IGrainWithIntegerKey
{
    /// <summary>How many trained versions <see cref="GetHistoryAsync"/> keeps.</summary>
    const int ModelHistoryLength = 100;

    /// <summary>Starts a training unless one is running; returns whether this call started one.</summary>
    [Alias("Trigger")]
    ValueTask<bool> TriggerAsync(string reason);

    /// <summary>The current model, the last training's outcome and whether one is running.</summary>
    [Alias("GetStatus")]
    ValueTask<ModelStatus> GetStatusAsync();

    /// <summary>The versions trained so far, newest first, at most <see cref="ModelHistoryLength"/> (their models may have been pruned).</summary>
    [Alias("GetHistory")]
    ValueTask<ImmutableArray<TrainedVersion>> GetHistoryAsync();

    /// <summary>The current model version, 0 when none has been trained.</summary>
    [Alias("GetCurrentVersion")]
    ValueTask<long> GetCurrentVersionAsync();

    /// <summary>
    /// Subscribes <paramref name="observer"/> to new versions, or renews its subscription (one lapses unless renewed
    /// within five model refresh intervals and at least a minute), and returns the current version, 0 when none.
    /// </summary>
    [Alias("Watch")]
    ValueTask<long> WatchAsync(IModelObserver observer);

}
