using AIaaS.Grains.Catalog;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

internal static class RecommendationsEndpoints
{
    public static async Task<IResult> ForUserAsync(string userId, HttpRequest http, ItemCatalog catalog, IGrainFactory grains)
    {
        var problem = EventRules.CheckId(userId, "userId");
        var request = RecommendationRequest.Top(RecommendationQuery.DefaultCount);
        if ((problem ?? RecommendationQuery.TryRead(http.Query, catalog, out request)) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        return Results.Ok(await grains.GetGrain<IUserGrain>(userId).RecommendAsync(request));
    }

    public static async Task<IResult> SimilarAsync(string itemId, HttpRequest http, ItemCatalog catalog, IGrainFactory grains)
    {
        var problem = EventRules.CheckId(itemId, "itemId");
        var request = RecommendationRequest.Top(RecommendationQuery.DefaultCount);
        if ((problem ?? RecommendationQuery.TryRead(http.Query, catalog, out request)) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        var items = await grains.GetGrain<IItemGrain>(itemId).GetSimilarAsync(request);
        return Results.Ok(new SimilarItemsResponse(itemId, items));
    }
}
