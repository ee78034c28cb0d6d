using System.Buffers;
using AIaaS.Engine.Data;
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
        // Runs on every ingested event: pooled buffers and a sort rather than a dictionary per call.
        var capacity = Math.Max(1, user.History.Count);
        var indices = ArrayPool<int>.Shared.Rent(capacity);
        var values = ArrayPool<float>.Shared.Rent(capacity);
        try
        {
            var count = 0;
            foreach (var entry in user.History)
            {
                var index = model.IndexOf(entry.ItemId);
                if (index >= 0)
                {
                    indices[count] = index;
                    values[count++] = (float)options.WeightOf(entry.Type, entry.Value);
                }
            }

            var distinct = SparseEntries.SumRepeats(indices.AsSpan(0, count), values.AsSpan(0, count));
            Solve(user, model, indices.AsSpan(0, distinct), values.AsSpan(0, distinct));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
            ArrayPool<float>.Shared.Return(values);
        }
    }

    private static void Solve(UserState user, LoadedModel model, ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        if (indices.IsEmpty)
        {
            user.Embedding = null;
            user.EmbeddingVersion = model.Version;
            return;
        }

        var sameVersion = user.Embedding is { } previous && user.EmbeddingVersion == model.Version && previous.Length == model.Snapshot.Factors;
        var vector = sameVersion ? user.Embedding! : new float[model.Snapshot.Factors];
        if (sameVersion)
        {
            model.UserFoldIn.Solve(indices, values, vector);
        }
        else
        {
            model.UserFoldIn.SolveExact(indices, values, vector);
        }

        user.Embedding = vector;
        user.EmbeddingVersion = model.Version;
    }

    /// <summary>The history item most similar to <paramref name="item"/>, for "because you watched X".</summary>
    public static string? ClosestHistoryItem(List<HistoryEntry> recent, LoadedModel model, int item, int window)
    {
        string? best = null;
        var bestSimilarity = float.NegativeInfinity;
        var seen = 0;
        for (var i = recent.Count - 1; i >= 0 && seen < window; i--, seen++)
        {
            var e = recent[i];
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
