using AIaaS.Grains.Catalog;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

/// <summary>The catalog: PUT, GET, DELETE one item, and a paged listing.</summary>
internal static class ItemsEndpoint
{
    private const int DefaultListCount = 100;

    public static async Task<IResult> PutAsync(string itemId, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (EventRules.CheckId(itemId, "itemId") is { } badId)
        {
            return Problems.BadRequest(badId);
        }

        var (body, problem) = await JsonBody.ReadAsync<ItemDto>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var metadata = body!.ToMetadata();
        if (CatalogRules.CheckMetadata(metadata) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        await grains.GetGrain<IItemGrain>(itemId).UpsertAsync(metadata);
        return Results.Ok(ItemResponse.From(itemId, metadata));
    }

    public static async Task<IResult> GetAsync(string itemId, IGrainFactory grains)
    {
        if (EventRules.CheckId(itemId, "itemId") is { } badId)
        {
            return Problems.BadRequest(badId);
        }

        return await grains.GetGrain<IItemGrain>(itemId).GetDetailsAsync() is { } details
            ? Results.Ok(ItemResponse.From(itemId, details.Metadata, details.Interactions, details.UpdatedAt))
            : Problems.NotFound($"item '{itemId}' is not in the catalog and has no events (or it was deleted).");
    }

    public static IResult List(string? category, string? offset, string? count, ItemCatalog catalog)
    {
        if (Query.Int(offset, "offset", 0, int.MaxValue, 0, out var from) is { } badOffset)
        {
            return Problems.BadRequest(badOffset);
        }

        if (Query.Int(count, "count", 1, EventRules.MaxCount, DefaultListCount, out var take) is { } badCount)
        {
            return Problems.BadRequest(badCount);
        }

        if (category is not null && catalog.CheckKnown(new ItemFilter([category], [])) is { } unknown)
        {
            return Problems.BadRequest(unknown);
        }

        var (items, total) = catalog.List(category, from, take);
        return Results.Ok(new ItemsPage([.. items.Select(pair => ItemResponse.From(pair.Key, pair.Value))], from, total));
    }

    public static async Task<IResult> DeleteAsync(string itemId, IGrainFactory grains)
    {
        if (EventRules.CheckId(itemId, "itemId") is { } badId)
        {
            return Problems.BadRequest(badId);
        }

        await grains.GetGrain<IItemGrain>(itemId).DeleteAsync();
        return Results.NoContent();
    }
}
