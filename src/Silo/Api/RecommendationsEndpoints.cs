using AIaaS.Grains;
using AIaaS.Grains.Catalog;
using AIaaS.Grains.Interfaces;

namespace AIaaS.Silo.Api;

internal static class RecommendationsEndpoints
{
    public static async Task<IResult> ForUserAsync(string userId, HttpRequest http, ItemCatalog catalog, IGrainFactory grains)
    {
        if ((RecommendationQuery.TryRead(userId, "userId", http.Query, catalog, out var request)
            ?? RecommendationQuery.TryReadDiversity(http.Query, ref request)) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        return Results.Ok(await grains.ByKey<IUserGrain>(userId).RecommendAsync(request));
    }

    public static async Task<IResult> SimilarAsync(string itemId, HttpRequest http, ItemCatalog catalog, IGrainFactory grains)
    {
        if (RecommendationQuery.TryRead(itemId, "itemId", http.Query, catalog, out var request) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        var items = await grains.ByKey<IItemGrain>(itemId).GetSimilarAsync(request);
        return Results.Ok(new SimilarItemsResponse(itemId, items));
    }
}
