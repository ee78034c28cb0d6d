namespace AIaaS.Silo.Api;

/// <summary>The body of GET /v1/model.</summary>
internal sealed record ModelResponse(long? Version, DateTimeOffset? TrainedAt, int Users, int Items, int Factors, IReadOnlyDictionary<string, double>? Metrics, string Status);

/// <summary>
/// Model endpoints. No trained model exists in this version (the retraining grain arrives with the
/// real-time loop), and these say so rather than pretend.
/// </summary>
internal static class ModelEndpoints
{
    public static IResult Get() =>
        Results.Ok(new ModelResponse(null, null, 0, 0, 0, null, "No model has been trained yet; recommendations come from trending items."));

    public static IResult Retrain() =>
        Results.Problem(
            detail: "Retraining is not available in this version: recommendations come from trending items and co-occurrence until the retraining grain is added.",
            statusCode: StatusCodes.Status501NotImplemented,
            title: "Retraining is not implemented yet.");
}
