using AIaaS.Grains.Catalog;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

/// <summary>
/// The query of a recommendation or similar-items request: count, offset, and the repeatable category, tag and
/// exclude parameters, checked as the SDK checks them, and against the categories and tags the catalog holds.
/// </summary>
internal static class RecommendationQuery
{
    public const int DefaultCount = 10;

    /// <summary>Checks the path's id, then reads the query; returns the first problem, or null with the request.</summary>
    public static string? TryRead(string id, string idField, IQueryCollection query, ItemCatalog catalog, out RecommendationRequest request)
    {
        request = RecommendationRequest.Top(DefaultCount);
        if (EventRules.CheckId(id, idField) is { } badId)
        {
            return badId;
        }

        if (Query.Int(query["count"], "count", 1, EventRules.MaxCount, DefaultCount, out var count) is { } badCount)
        {
            return badCount;
        }

        if (Query.Int(query["offset"], "offset", 0, CatalogRules.MaxOffset, 0, out var offset) is { } badOffset)
        {
            return badOffset;
        }

        var filter = new ItemFilter([.. Values(query, "category")], [.. Values(query, "tag")]);
        request = new RecommendationRequest(count, [.. Values(query, "exclude")], offset, filter.IsEmpty ? null : filter);
        return CatalogRules.CheckRequest(request) ?? catalog.CheckKnown(filter);
    }

    /// <summary>
    /// Reads the optional <c>diversity</c> of a user's recommendations (the MMR weight λ, 0–1) into
    /// <paramref name="request"/>; returns why it is invalid, or null.
    /// </summary>
    public static string? TryReadDiversity(IQueryCollection query, ref RecommendationRequest request)
    {
        if (query["diversity"] is not [{ } text])
        {
            return query["diversity"].Count > 1 ? "diversity must be given at most once." : null;
        }

        if (!float.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var diversity))
        {
            return $"diversity must be a number from 0 to 1 (was '{text}').";
        }

        request = request with { Diversity = diversity };
        return CatalogRules.CheckDiversity(diversity);
    }

    /// <summary>Every value of a repeatable parameter (an empty one is kept, so that the rules reject it by name).</summary>
    private static IEnumerable<string> Values(IQueryCollection query, string name) => query[name].Select(value => value ?? string.Empty);
}
