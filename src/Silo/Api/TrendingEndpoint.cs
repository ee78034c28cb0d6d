using AIaaS.Grains.Trending;

namespace AIaaS.Silo.Api;

/// <summary>The cluster's trending list, as this silo's copy holds it (refreshed once per trending publish interval).</summary>
internal static class TrendingEndpoint
{
    public const int DefaultCount = 20;
    public const int MaxCount = 1000;

    public static IResult Get(string? count, TrendingCache trending)
    {
        if (Query.Int(count, "count", 1, MaxCount, DefaultCount, out var take) is { } badCount)
        {
            return Problems.BadRequest(badCount);
        }

        // The ranking leaves out items without popularity (TrendingRanking), so every score is a finite number.
        return Results.Ok(new TrendingResponse([.. trending.Current.Take(take).Select(item => new TrendingItem(item.ItemId, item.LogScore))]));
    }
}

/// <summary>Trending items, most popular first.</summary>
internal sealed record TrendingResponse(IReadOnlyList<TrendingItem> Items);

/// <summary>
/// A trending item and its time-decayed popularity as a natural logarithm referred to a fixed epoch: only
/// differences mean something (one more than another is e times as popular now).
/// </summary>
internal sealed record TrendingItem(string ItemId, double LogScore);
