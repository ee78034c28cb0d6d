using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

internal static class RecommendationsEndpoints
{
    private const int DefaultCount = 10;

    public static async Task<IResult> ForUserAsync(string userId, string? count, IGrainFactory grains)
    {
        if (CheckIdAndCount(userId, "userId", count, out var n) is { } problem)
        {
            return problem;
        }

        var recommendations = await grains.GetGrain<IUserGrain>(userId).RecommendAsync(RecommendationRequest.Top(n));
        return Results.Ok(recommendations);
    }

    public static async Task<IResult> SimilarAsync(string itemId, string? count, IGrainFactory grains)
    {
        if (CheckIdAndCount(itemId, "itemId", count, out var n) is { } problem)
        {
            return problem;
        }

        var items = await grains.GetGrain<IItemGrain>(itemId).GetSimilarAsync(n);
        return Results.Ok(new SimilarItemsResponse(itemId, items));
    }

    private static IResult? CheckIdAndCount(string id, string field, string? count, out int n)
    {
        n = DefaultCount;
        if (EventRules.CheckId(id, field) is { } badId)
        {
            return Problems.BadRequest(badId);
        }

        if (count is not null && !int.TryParse(count, out n))
        {
            return Problems.BadRequest($"count must be an integer from 1 to {EventRules.MaxCount} (was '{count}').");
        }

        return EventRules.CheckCount(n) is { } badCount ? Problems.BadRequest(badCount) : null;
    }
}
