using System.Runtime.InteropServices;
using AIaaS.Engine.Inference;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Catalog;
using AIaaS.Grains.Models;
using Orleans.Concurrency;

namespace AIaaS.Grains.Inference;

/// <summary>
/// The entry point for scoring: queues the request on this silo's <see cref="InferenceService"/>, whose batcher
/// scores it with others against one model version and names that version in the result. A request whose
/// vector no longer fits the current version gets an empty result naming it, and the caller refolds. Filters become a
/// mask over the version's items here, so scoring returns only eligible items that match, however few there are.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class InferenceGrain(ModelCatalog catalog, ItemCatalog items, InferenceService inference) : Grain, IInferenceGrain
{
    public async ValueTask<ScoreResult> ScoreAsync(ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (catalog.Current is not { } model) throw new InvalidOperationException("No model is loaded on this silo.");
        if (request.Count < 1) throw new ArgumentOutOfRangeException(nameof(request), request.Count, "Count must be at least 1.");
        var vector = request.UserVector.IsDefault ? [] : ImmutableCollectionsMarshal.AsArray(request.UserVector)!;
        var own = request.Exclude.IsDefault ? [] : ImmutableCollectionsMarshal.AsArray(request.Exclude)!;

        // Eligibility (hidden, deleted, unavailable, ended) applies to every request, the filter to this one.
        var restriction = items.RestrictionFor(model, request.Filter ?? ItemFilter.None);
        var exclude = restriction.Excluded.Length == 0 ? own : [.. own, .. restriction.Excluded];
        InferenceResult result;
        try
        {
            result = await inference.ScoreAsync(new InferenceRequest(vector, request.Count, exclude, restriction.Allowed));
        }
        catch (InferenceQueueFullException full)
        {
            throw new ServiceOverloadedException(full.Message);
        }

        return new ScoreResult(result.ModelVersion, ImmutableCollectionsMarshal.AsImmutableArray(result.Items),
            ImmutableCollectionsMarshal.AsImmutableArray(result.Scores));
    }
}
