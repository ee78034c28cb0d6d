using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;

namespace AIaaS.Grains.Users;

/// <summary>
/// Folds a user's recent history into a model's item space exactly as an ALS user half-step would: the
/// weights of repeated items add up, items the model does not know are left out.
/// </summary>
internal static class UserEmbedding
{
    /// <summary>
    /// Updates <paramref name="user"/>'s embedding for <paramref name="model"/>: warm-started from the previous
    /// vector when it belongs to the same version, solved exactly when the version changed.
    /// </summary>
    public static void Refresh(UserState user, LoadedModel model, EngineOptions options)
    {
        var weights = new Dictionary<int, float>();
        foreach (var logged in user.Recent)
        {
            var index = model.IndexOf(logged.Event.ItemId);
            if (index >= 0)
            {
                weights[index] = weights.GetValueOrDefault(index) + (float)options.WeightOf(logged.Event);
            }
        }

        var indices = new List<int>(weights.Count);
        var values = new List<float>(weights.Count);
        foreach (var (index, weight) in weights)
        {
            if (weight > 0)
            {
                indices.Add(index);
                values.Add(weight);
            }
        }

        if (indices.Count == 0)
        {
            user.Embedding = null;
            user.EmbeddingVersion = model.Version;
            return;
        }

        var sameVersion = user.Embedding is { } previous && user.EmbeddingVersion == model.Version && previous.Length == model.Snapshot.Factors;
        var vector = sameVersion ? user.Embedding! : new float[model.Snapshot.Factors];
        var indexSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(indices);
        var valueSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
        if (sameVersion)
        {
            model.UserFoldIn.Solve(indexSpan, valueSpan, vector);
        }
        else
        {
            model.UserFoldIn.SolveExact(indexSpan, valueSpan, vector);
        }

        user.Embedding = vector;
        user.EmbeddingVersion = model.Version;
    }

    /// <summary>The history item most similar to <paramref name="item"/>, for "because you watched X".</summary>
    public static string? ClosestHistoryItem(List<LoggedEvent> recent, LoadedModel model, int item, int window)
    {
        string? best = null;
        var bestSimilarity = float.NegativeInfinity;
        var seen = 0;
        for (var i = recent.Count - 1; i >= 0 && seen < window; i--, seen++)
        {
            var e = recent[i].Event;
            if (e.Type == EventType.Skip)
            {
                continue;
            }

            var index = model.IndexOf(e.ItemId);
            if (index >= 0)
            {
                var similarity = model.Similarity(item, index);
                if (similarity > bestSimilarity)
                {
                    (best, bestSimilarity) = (e.ItemId, similarity);
                }
            }
        }

        return best;
    }
}
