using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client;

/// <summary>Argument checks that turn the engine's input rules into the exceptions .NET callers expect.</summary>
internal static class Guard
{
    public static void Id(string? id, string field, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        EventRules.ThrowIfInvalid(EventRules.CheckId(id, field), paramName);
    }

    public static void Count(int count, string paramName) =>
        EventRules.ThrowIfInvalid(EventRules.CheckCount(count), paramName);

    public static void Event(InteractionEvent? interaction, string paramName)
    {
        ArgumentNullException.ThrowIfNull(interaction, paramName);
        EventRules.ThrowIfInvalid(EventRules.Check(interaction, "event"), paramName);
    }

    public static void Batch(IReadOnlyList<InteractionEvent>? interactions, string paramName)
    {
        ArgumentNullException.ThrowIfNull(interactions, paramName);
        EventRules.ThrowIfInvalid(EventRules.CheckBatch(interactions), paramName);
    }

    public static void Metadata(ItemMetadata? metadata, string paramName)
    {
        ArgumentNullException.ThrowIfNull(metadata, paramName);
        EventRules.ThrowIfInvalid(CatalogRules.CheckMetadata(metadata), paramName);
    }

    /// <summary>The query's request, checked with the engine's request rules.</summary>
    public static RecommendationRequest Query(RecommendationQuery? query, string paramName)
    {
        ArgumentNullException.ThrowIfNull(query, paramName);
        var request = query.ToRequest();
        EventRules.ThrowIfInvalid(CatalogRules.CheckRequest(request), paramName);
        return request;
    }

    /// <summary>
    /// The session request for the events and query (the default query when null), checked with the engine's session
    /// rules; a problem of the query names <paramref name="queryParam"/>, any other <paramref name="eventsParam"/>.
    /// </summary>
    public static SessionRequest Session(IReadOnlyList<SessionEvent>? events, RecommendationQuery? query, string eventsParam, string queryParam)
    {
        ArgumentNullException.ThrowIfNull(events, eventsParam);
        var request = (query ?? new RecommendationQuery()).ToRequest();
        var session = new SessionRequest([.. events], request);
        if (CatalogRules.CheckSession(session) is { } problem)
        {
            throw new ArgumentException(problem, problem == CatalogRules.CheckRequest(request) ? queryParam : eventsParam);
        }

        return session;
    }
}
