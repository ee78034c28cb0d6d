using AIaaS.Engine.Content;
using AIaaS.Grains.Storage;

namespace AIaaS.Grains.Retraining;

/// <summary>The catalog's item features (categories and tags) as training fits the content map on them: every live item that has any.</summary>
internal static class CatalogFeatureReader
{
    private const int PageSize = 10_000;

    public static async Task<Dictionary<string, IReadOnlyCollection<string>>> ReadAsync(IItemCatalogStore catalog, CancellationToken cancellationToken)
    {
        var features = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        var after = 0L;
        while (true)
        {
            var page = await catalog.ReadChangesAsync(after, PageSize, cancellationToken);
            foreach (var entry in page.Entries)
            {
                // Changes come in revision order, so the last one seen for an item is its current row.
                var of = entry.Metadata is { } metadata
                    ? ItemFeatures.Of(metadata.Categories.IsDefault ? [] : metadata.Categories, metadata.Tags.IsDefault ? [] : metadata.Tags)
                    : [];
                if (of.Length > 0)
                {
                    features[entry.ItemId] = of;
                }
                else
                {
                    features.Remove(entry.ItemId);
                }
            }

            if (page.IsEnd || page.Entries.Length == 0)
            {
                return features;
            }

            after = page.Entries[^1].Revision;
        }
    }
}
