using AIaaS.Grains.Catalog;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Users;

/// <summary>
/// The last resort of a filtered request: items of the catalog that match, in id order, so that a request whose
/// filter the ranking and trending could not fill still gets as many items as the catalog holds.
/// </summary>
internal static class CatalogFill
{
    public const string Reason = "from the catalog";

    public static void Append(List<RecommendedItem> items, ItemCatalog catalog, RecommendationRequest request, DateTimeOffset now, Func<string, bool> skip)
    {
        if (items.Count >= request.Depth || request.Items.IsEmpty)
        {
            return;
        }

        var taken = items.Select(item => item.ItemId).ToHashSet(StringComparer.Ordinal);
        foreach (var itemId in catalog.Eligible(request.Items, now))
        {
            if (items.Count >= request.Depth)
            {
                break;
            }

            if (!skip(itemId) && taken.Add(itemId))
            {
                items.Add(new RecommendedItem(itemId, 0, Reason));
            }
        }
    }
}
