using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Retraining;

namespace AIaaS.Grains.UnitTests;

public sealed class ModelHistoryTests
{
    [Fact]
    public void Add_PastTheLength_DropsTheOldestVersions()
    {
        var history = new List<TrainedVersion>();

        for (var version = 1; version <= IRetrainingGrain.ModelHistoryLength + 5; version++)
        {
            ModelHistory.Add(history, new TrainedVersion(version, DateTimeOffset.UnixEpoch, 1, 1, 8, 1, 0.1, 0.2));
        }

        Assert.Equal(IRetrainingGrain.ModelHistoryLength, history.Count);
        Assert.Equal(6, history[0].Version);
        Assert.Equal(IRetrainingGrain.ModelHistoryLength + 5, history[^1].Version);
    }
}
