using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>Scores user vectors against the silo's loaded model. Stateless and local to the calling silo.</summary>
[Alias("AIaaS.IInferenceGrain")]
public interface IInferenceGrain : IGrainWithIntegerKey
{
    /// <summary>Scores with the requested model version, or with the current one if that version is no longer loaded; the result names the version used.</summary>
    [Alias("Score")]
    ValueTask<ScoreResult> ScoreAsync(ScoreRequest request);
}
