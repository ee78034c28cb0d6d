using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.Api;

/// <summary>The body of PUT /v1/items/{itemId}.</summary>
internal sealed record ItemDto(
    string? Title,
    List<string>? Categories,
    List<string>? Tags,
    bool? Hidden,
    DateTimeOffset? LiveFrom,
    DateTimeOffset? LiveUntil,
    DateTimeOffset? AvailableFrom,
    DateTimeOffset? AvailableUntil)
{
    public ItemMetadata ToMetadata() =>
        new(Title, [.. Tags ?? []], LiveFrom, LiveUntil, [.. Categories ?? []], Hidden ?? false, AvailableFrom, AvailableUntil);
}

/// <summary>An item as GET /v1/items and GET /v1/items/{itemId} answer it; <see cref="Interactions"/> only on the latter.</summary>
internal sealed record ItemResponse(
    string ItemId,
    string? Title,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Tags,
    bool Hidden,
    DateTimeOffset? LiveFrom,
    DateTimeOffset? LiveUntil,
    DateTimeOffset? AvailableFrom,
    DateTimeOffset? AvailableUntil,
    long? Interactions = null,
    DateTimeOffset? UpdatedAt = null)
{
    public static ItemResponse From(string itemId, ItemMetadata? metadata, long? interactions = null, DateTimeOffset? updatedAt = null) => new(
        itemId,
        metadata?.Title,
        metadata is null || metadata.Categories.IsDefault ? [] : metadata.Categories,
        metadata is null || metadata.Tags.IsDefault ? [] : metadata.Tags,
        metadata?.Hidden ?? false,
        metadata?.LiveFrom,
        metadata?.LiveUntil,
        metadata?.AvailableFrom,
        metadata?.AvailableUntil,
        interactions,
        updatedAt);
}

/// <summary>The answer of GET /v1/items: a page of the catalog in id order and how many items the listing has in all.</summary>
internal sealed record ItemsPage(IReadOnlyList<ItemResponse> Items, int Offset, int Total);
