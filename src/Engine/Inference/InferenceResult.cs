namespace AIaaS.Engine.Inference;

/// <summary>
/// The best items, best first, as dense indices of the model version that scored them. Empty when the request's
/// vector does not fit that version (its factor count changed): the caller refolds against it and asks again.
/// </summary>
public sealed record InferenceResult(long ModelVersion, int[] Items, float[] Scores);
