using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

/// <summary>The body of PUT /v1/items/{itemId}.</summary>
internal sealed record ItemMetadataDto(string? Title, List<string>? Tags, DateTimeOffset? LiveFrom, DateTimeOffset? LiveUntil);

internal static class ItemsEndpoint
{
    public static async Task<IResult> PutAsync(string itemId, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (EventRules.CheckId(itemId, "itemId") is { } badId)
        {
            return Problems.BadRequest(badId);
        }

        var (body, problem) = await JsonBody.ReadAsync<ItemMetadataDto>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var metadata = new ItemMetadata(body!.Title, [.. body.Tags ?? []], body.LiveFrom, body.LiveUntil);
        if (CatalogRules.CheckMetadata(metadata) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        await grains.GetGrain<IItemGrain>(itemId).UpsertAsync(metadata);
        return Results.Ok(new { itemId, metadata.Title, metadata.Tags, metadata.LiveFrom, metadata.LiveUntil });
    }
}
