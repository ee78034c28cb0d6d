using System.Collections.Immutable;
using System.Text.Json;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Storage.Shared;

/// <summary>
/// How every store keeps an item's metadata: System.Text.Json in camelCase (<see cref="CatalogJsonContext"/>), the
/// databases as text. An unset tag or category list is stored, and read back, as an empty one: a default
/// <see cref="ImmutableArray{T}"/> cannot be enumerated, so no reader of the catalog may be handed one.
/// </summary>
internal static class CatalogMetadataCodec
{
    public static string Encode(ItemMetadata metadata) =>
        JsonSerializer.Serialize(Normalize(metadata), CatalogJsonContext.Default.ItemMetadata);

    /// <exception cref="InvalidDataException">The stored text is not an item's metadata.</exception>
    public static ItemMetadata Decode(string json)
    {
        try
        {
            return Normalize(JsonSerializer.Deserialize(json, CatalogJsonContext.Default.ItemMetadata)
                ?? throw new InvalidDataException("The stored item metadata is null."));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The stored item metadata is not valid: {ex.Message}", ex);
        }
    }

    /// <summary><paramref name="metadata"/> with empty lists where it has unset ones.</summary>
    public static ItemMetadata Normalize(ItemMetadata metadata) =>
        metadata.Tags.IsDefault || metadata.Categories.IsDefault
            ? metadata with { Tags = metadata.Tags.IsDefault ? [] : metadata.Tags, Categories = metadata.Categories.IsDefault ? [] : metadata.Categories }
            : metadata;
}
