using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;

namespace AIaaS.Grains.Inference;

/// <summary>Scores a vector through this silo's batching inference grain against one model version, filter applied inside scoring.</summary>
internal static class ModelScoring
{
    /// <summary>The best items as (item id, score), best first; null when another version scored it (the caller refolds and asks again).</summary>
    public static async Task<List<(string ItemId, int Index, double Score)>?> TopAsync(
        IGrainFactory grains, LoadedModel model, float[] vector, int count, ImmutableArray<int> exclude, ItemFilter filter)
    {
        var request = new ScoreRequest(model.Version, [.. vector], count, exclude, filter.IsEmpty ? null : filter);
        var result = await grains.GetGrain<IInferenceGrain>(0).ScoreAsync(request);
        if (result.ModelVersion != model.Version)
        {
            return null;
        }

        var items = new List<(string, int, double)>(result.Items.Length);
        for (var i = 0; i < result.Items.Length; i++)
        {
            items.Add((model.Snapshot.ItemIds[result.Items[i]], result.Items[i], result.Scores[i]));
        }

        return items;
    }

    /// <summary>Dense indices of the ids the model knows.</summary>
    public static ImmutableArray<int> IndicesOf(LoadedModel model, IEnumerable<string> itemIds)
    {
        var indices = ImmutableArray.CreateBuilder<int>();
        foreach (var itemId in itemIds)
        {
            var index = model.IndexOf(itemId);
            if (index >= 0)
            {
                indices.Add(index);
            }
        }

        return indices.ToImmutable();
    }
}
