using System.Collections.Immutable;
using AIaaS.Engine.Scoring;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;
using Orleans.Concurrency;

namespace AIaaS.Grains.Inference;

/// <summary>
/// Scores user vectors against this silo's current model with Engine's SIMD top-k. Stateless: every
/// silo runs its own activations, and a request reads one model for its whole computation, so a model
/// swap never mixes versions in one response.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class InferenceGrain(ModelCatalog catalog) : Grain, IInferenceGrain
{
    public ValueTask<ScoreResult> ScoreAsync(ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = catalog.Current ?? throw new InvalidOperationException("No model is loaded on this silo.");
        if (request.UserVector.Length != model.Snapshot.Factors)
        {
            throw new ArgumentException($"The user vector has {request.UserVector.Length} values; model {model.Version} has {model.Snapshot.Factors} factors.", nameof(request));
        }

        var count = Math.Min(request.Count, model.Snapshot.ItemCount);
        var indices = new int[count];
        var scores = new float[count];
        var found = TopK.Recommend(request.UserVector.AsSpan(), model.Snapshot.ItemFactors, request.Exclude.AsSpan(), indices, scores);
        return ValueTask.FromResult(new ScoreResult(model.Version, [.. indices.AsSpan(0, found)], [.. scores.AsSpan(0, found)]));
    }
}
