using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Storage;

/// <summary>
/// The item catalog: one row per item with its metadata and the revision of its last change. Revisions are
/// cluster-wide and grow with every change, in commit order, so a silo that has read the changes through revision R
/// and then asks for what came after R misses nothing.
/// </summary>
public interface IItemCatalogStore
{
    /// <summary>Stores the item's metadata (replacing it, or bringing a deleted item back) and returns the change's revision.</summary>
    Task<long> UpsertAsync(string itemId, ItemMetadata metadata, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the item deleted and returns the change's revision; null when it is deleted already. An item never stored
    /// (known only from events) gets a tombstone too, so that every silo leaves it out.
    /// </summary>
    Task<long?> DeleteAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>The item's row (a tombstone when deleted), or null when it was never stored.</summary>
    Task<CatalogEntry?> GetAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> rows whose last change is after <paramref name="afterRevision"/>, oldest change first, tombstones included.</summary>
    Task<CatalogPage> ReadChangesAsync(long afterRevision, int max, CancellationToken cancellationToken);
}
