using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

internal static class EventsEndpoint
{
    /// <summary>
    /// Validates the whole request before any grain sees it, so a bad event anywhere applies nothing;
    /// answers 202 once every user's events are in the durable log.
    /// </summary>
    public static async Task<IResult> PostAsync(HttpRequest request, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<EventsRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (EventMapping.TryMap(body!, time.GetUtcNow(), out var events) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        var byUser = new Dictionary<string, ImmutableArray<InteractionEvent>.Builder>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!byUser.TryGetValue(e.UserId, out var batch))
            {
                byUser[e.UserId] = batch = ImmutableArray.CreateBuilder<InteractionEvent>();
            }

            batch.Add(e);
        }

        var calls = new List<Task<int>>(byUser.Count);
        foreach (var (userId, batch) in byUser)
        {
            calls.Add(grains.GetGrain<IUserGrain>(userId).TrackAsync(batch.ToImmutable()).AsTask());
        }

        var accepted = await Task.WhenAll(calls);
        return Results.Json(new EventsAccepted(accepted.Sum()), statusCode: StatusCodes.Status202Accepted);
    }
}
