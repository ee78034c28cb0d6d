using Orleans.Storage;

namespace AIaaS.Grains.UnitTests.Models;

/// <summary>Grain storage in a dictionary that keeps each record's state object, for looking at what was written.</summary>
internal sealed class RecordingGrainStorage : IGrainStorage
{
    public Dictionary<(string Name, GrainId Id), object> Records { get; } = [];

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.RecordExists = Records.TryGetValue((stateName, grainId), out var state);
        if (grainState.RecordExists)
        {
            grainState.State = (T)state!;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Records[(stateName, grainId)] = grainState.State!;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Records.Remove((stateName, grainId));
        return Task.CompletedTask;
    }
}
