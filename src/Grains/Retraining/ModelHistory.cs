using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Retraining;

/// <summary>The bounded list of trained versions that the retraining state keeps for the dashboard.</summary>
internal static class ModelHistory
{
    /// <summary>Appends <paramref name="version"/> and drops the oldest entries past <see cref="IRetrainingGrain.ModelHistoryLength"/>.</summary>
    public static void Add(List<TrainedVersion> history, TrainedVersion version)
    {
        history.Add(version);
        if (history.Count > IRetrainingGrain.ModelHistoryLength)
        {
            history.RemoveRange(0, history.Count - IRetrainingGrain.ModelHistoryLength);
        }
    }
}
