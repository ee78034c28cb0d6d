using System.Numerics.Tensors;
using AIaaS.Engine.Content;
using AIaaS.Grains.Models;

namespace AIaaS.Grains.Catalog;

/// <summary>
/// Content-based cold start for one catalog snapshot and one model version: the newest catalog items the model does
/// not know, each given the vector its categories and tags map to through the model's content map, so a title is
/// recommended to matching tastes from its PUT on, before anyone has watched it. Bounded to the newest
/// <c>capacity</c> items because every request scores them beside the model's ranking.
/// </summary>
internal sealed class ColdItems
{
    /// <summary>How many catalog items sharing a category are compared to name the known item a cold one is like.</summary>
    private const int LikeCandidates = 2000;

    public ColdItems(CatalogSnapshot catalog, LoadedModel model, int capacity)
    {
        Catalog = catalog;
        Model = model;
        Items = Project(catalog, model, capacity);
    }

    public CatalogSnapshot Catalog { get; }

    public LoadedModel Model { get; }

    public IReadOnlyList<ColdItem> Items { get; }

    /// <summary>The known item sharing a category with <paramref name="item"/> that is closest to its vector, or null.</summary>
    public string? LikeOf(ColdItem item)
    {
        if (!Catalog.Items.TryGetValue(item.ItemId, out var metadata) || metadata.Categories.IsDefaultOrEmpty)
        {
            return null;
        }

        string? best = null;
        var bestSimilarity = float.NegativeInfinity;
        var compared = 0;
        foreach (var category in metadata.Categories)
        {
            foreach (var candidate in Catalog.Categories.GetValueOrDefault(category, []))
            {
                var index = Model.IndexOf(candidate);
                if (index < 0)
                {
                    continue;
                }

                var similarity = Model.Similarity(item.Vector, item.InverseNorm, index);
                if (similarity > bestSimilarity)
                {
                    (best, bestSimilarity) = (candidate, similarity);
                }

                if (++compared == LikeCandidates)
                {
                    return best;
                }
            }
        }

        return best;
    }

    private static List<ColdItem> Project(CatalogSnapshot catalog, LoadedModel model, int capacity)
    {
        var cold = new List<ColdItem>();
        if (model.Snapshot.Content is not { } content || capacity == 0)
        {
            return cold;
        }

        var newest = catalog.Items.Keys
            .Where(itemId => model.IndexOf(itemId) < 0)
            .OrderByDescending(itemId => catalog.ChangedAt.GetValueOrDefault(itemId))
            .Take(capacity);
        foreach (var itemId in newest)
        {
            var metadata = catalog.Items[itemId];
            var vector = new float[model.Snapshot.Factors];
            if (content.TryProject(ItemFeatures.Of(metadata.Categories.IsDefault ? [] : metadata.Categories, metadata.Tags.IsDefault ? [] : metadata.Tags), vector))
            {
                var norm = TensorPrimitives.Norm(vector);
                cold.Add(new ColdItem(itemId, vector, norm > 0 ? 1 / norm : 0));
            }
        }

        return cold;
    }
}
