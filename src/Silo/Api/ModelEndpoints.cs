using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

/// <summary>The served model and its retraining.</summary>
internal static class ModelEndpoints
{
    public static async Task<IResult> GetAsync(IGrainFactory grains) =>
        Results.Ok(await grains.GetGrain<IRetrainingGrain>(0).GetStatusAsync());

    public static async Task<IResult> VersionsAsync(IGrainFactory grains) =>
        Results.Ok(new ModelVersions(await grains.GetGrain<IRetrainingGrain>(0).GetHistoryAsync()));

    public static async Task<IResult> RetrainAsync(IGrainFactory grains)
    {
        var started = await grains.GetGrain<IRetrainingGrain>(0).TriggerAsync("requested over HTTP");
        return Results.Json(new RetrainAccepted(started, started ? "Retraining started." : "A retraining is already running."), statusCode: StatusCodes.Status202Accepted);
    }
}

internal sealed record RetrainAccepted(bool Started, string Message);

/// <summary>The trained versions, newest first.</summary>
internal sealed record ModelVersions(IReadOnlyList<TrainedVersion> Versions);
