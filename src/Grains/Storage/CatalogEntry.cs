using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Storage;

/// <summary>
/// One item's catalog row at <see cref="Revision"/>; <see cref="Metadata"/> is null once the item is deleted (the row
/// stays as a tombstone, so every silo that reads the changes learns of the deletion).
/// </summary>
public sealed record CatalogEntry(long Revision, string ItemId, ItemMetadata? Metadata, DateTimeOffset UpdatedAt)
{
    public bool IsDeleted => Metadata is null;
}
