using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client;

/// <summary>
/// What to ask of a recommendation, similar-items or session call: how many items, from which position of the
/// ranking, which categories and tags they must have, and which items to leave out.
/// </summary>
/// <example>
/// <code>
/// var query = new RecommendationQuery { Count = 20, Offset = 20, Categories = { "sport" }, Exclude = { "i3" } };
/// </code>
/// </example>
/// <remarks>
/// The client checks a query with the engine's own rules (<c>CatalogRules.CheckRequest</c>) before anything leaves
/// the process. Whether a category or tag is held by any item of the catalog is known only to the silos, so a query
/// naming an unknown one passes the client's checks and is judged by the engine.
/// </remarks>
public sealed class RecommendationQuery
{
    /// <summary>How many items to return, 1–1000. Defaults to 10.</summary>
    public int Count { get; init; } = 10;

    /// <summary>
    /// How many of the best-ranked items to skip first, 0–10,000, for paging: page <c>n</c> (from 0) of size
    /// <c>c</c> is <c>Offset = n * c, Count = c</c>. Defaults to 0. A deeper page costs a deeper ranking.
    /// </summary>
    public int Offset { get; init; }

    /// <summary>
    /// Categories the items must have (any of them); empty means any category. At most 32, each 1–128 characters.
    /// </summary>
    public IList<string> Categories { get; init; } = [];

    /// <summary>Tags the items must have (any of them); empty means any tag. At most 64, each 1–128 characters.</summary>
    public IList<string> Tags { get; init; } = [];

    /// <summary>Items to leave out of the answer, at most 1000 ids of 1–256 characters each.</summary>
    public IList<string> Exclude { get; init; } = [];

    /// <summary>
    /// How much to trade relevance for variety, 0–1: the MMR weight λ with which the engine reorders its best
    /// candidates so that each next item is less like those before it (0 = the model's order). Null (the default)
    /// takes the engine's configured <c>AIaaS:Recommendations:Diversity</c>. User and session recommendations use it;
    /// similar items do not.
    /// </summary>
    public float? Diversity { get; init; }

    /// <summary>
    /// The engine's request for this query; it is not checked here (the client checks it before sending). Empty
    /// categories and tags become no filter.
    /// </summary>
    /// <returns>A request with this query's count, offset, exclusions, filter and diversity.</returns>
    public RecommendationRequest ToRequest()
    {
        var categories = Categories ?? [];
        var tags = Tags ?? [];
        var filter = categories.Count == 0 && tags.Count == 0 ? null : new ItemFilter([.. categories], [.. tags]);
        return new RecommendationRequest(Count, [.. Exclude ?? []], Offset, filter, Diversity);
    }
}
