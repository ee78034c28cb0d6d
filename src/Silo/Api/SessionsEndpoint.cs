using AIaaS.Grains.Catalog;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

/// <summary>An event of an anonymous session as the HTTP API receives it.</summary>
internal sealed record SessionEventDto(string? ItemId, string? Type, float? Value, DateTimeOffset? Timestamp);

/// <summary>The body of POST /v1/sessions/recommendations.</summary>
internal sealed record SessionDto(List<SessionEventDto?>? Events, int? Count, int? Offset, List<string>? Category, List<string>? Tag, List<string>? Exclude);

/// <summary>The answer of POST /v1/sessions/recommendations.</summary>
internal sealed record SessionRecommendations(long? ModelVersion, IReadOnlyList<RecommendedItem> Items);

internal static class SessionsEndpoint
{
    /// <summary>Folds the session into a vector and scores it; nothing is stored.</summary>
    public static async Task<IResult> RecommendAsync(HttpRequest http, ItemCatalog catalog, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SessionDto>(http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (TryMap(body!, out var session) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        if ((CatalogRules.CheckSession(session) ?? catalog.CheckKnown(session.Request.Items)) is { } bad)
        {
            return Problems.BadRequest(bad);
        }

        var ranked = await grains.GetGrain<ISessionGrain>(0).RecommendAsync(session);
        return Results.Ok(new SessionRecommendations(ranked.ModelVersion, ranked.Items));
    }

    private static string? TryMap(SessionDto body, out SessionRequest session)
    {
        var events = new List<SessionEvent>();
        var wire = body.Events ?? [];
        session = new SessionRequest([], RecommendationRequest.Top(RecommendationQuery.DefaultCount));
        if (wire.Count > CatalogRules.MaxSessionEvents)
        {
            return $"events may hold at most {CatalogRules.MaxSessionEvents} events (was {wire.Count}).";
        }

        for (var i = 0; i < wire.Count; i++)
        {
            if (wire[i] is not { } dto)
            {
                return $"events[{i}] must be an object.";
            }

            if (!EventMapping.TryParseType(dto.Type, out var type))
            {
                return $"events[{i}].type must be one of {EventMapping.TypeNames} (was '{dto.Type}').";
            }

            events.Add(new SessionEvent(dto.ItemId!, type, dto.Value, dto.Timestamp));
        }

        var filter = new ItemFilter([.. body.Category ?? []], [.. body.Tag ?? []]);
        var request = new RecommendationRequest(body.Count ?? RecommendationQuery.DefaultCount, [.. body.Exclude ?? []], body.Offset ?? 0, filter.IsEmpty ? null : filter);
        session = new SessionRequest([.. events], request);
        return null;
    }
}
