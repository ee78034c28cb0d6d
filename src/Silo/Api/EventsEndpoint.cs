using AIaaS.Grains.Interfaces;

namespace AIaaS.Silo.Api;

internal static class EventsEndpoint
{
    /// <summary>
    /// Validates the whole request before any grain sees it, so a bad event anywhere applies nothing;
    /// answers 202 once the events are in the durable log and applied to their users.
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

        var result = await grains.GetGrain<IIngestGrain>(0).IngestAsync([.. events]);
        return Results.Json(new EventsAccepted(result.Accepted, result.Duplicates), statusCode: StatusCodes.Status202Accepted);
    }
}
