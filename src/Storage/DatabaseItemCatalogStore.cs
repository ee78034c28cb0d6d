using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Shared;

namespace AIaaS.Storage;

/// <summary>
/// What the databases' item catalogs share: the argument checks, the metadata's JSON (<see cref="CatalogMetadataCodec"/>)
/// and the time a change is stamped with. Each database says how it writes a row under the next revision and reads
/// rows back; only this assembly derives from it.
/// </summary>
public abstract class DatabaseItemCatalogStore : IItemCatalogStore
{
    private readonly TimeProvider _time;

    private protected DatabaseItemCatalogStore(TimeProvider? time) => _time = time ?? TimeProvider.System;

    public async Task<long> UpsertAsync(string itemId, ItemMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentNullException.ThrowIfNull(metadata);
        var revision = await ChangeAsync(itemId, CatalogMetadataCodec.Encode(metadata), _time.GetUtcNow().UtcTicks, cancellationToken);
        return revision ?? throw new InvalidOperationException($"The catalog stored no row for item '{itemId}'.");
    }

    public Task<long?> DeleteAsync(string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        return ChangeAsync(itemId, null, _time.GetUtcNow().UtcTicks, cancellationToken);
    }

    public async Task<CatalogEntry?> GetAsync(string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        var rows = await ReadItemAsync(itemId, cancellationToken);
        return rows.IsEmpty ? null : rows[0];
    }

    public Task<CatalogPage> ReadChangesAsync(long afterRevision, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return ReadPageAsync(afterRevision, max, cancellationToken);
    }

    /// <summary>
    /// Writes the item's row under the next revision, in revision order with every other change: with
    /// <paramref name="metadata"/> (JSON) inserting or replacing it, with null turning a live row into a tombstone.
    /// Returns the revision, or null when there was no live row to delete (nothing is then written).
    /// </summary>
    private protected abstract Task<long?> ChangeAsync(string itemId, string? metadata, long updatedAtTicks, CancellationToken cancellationToken);

    /// <summary>The item's row through <see cref="StoreReads.CatalogEntriesAsync"/>: one, or none.</summary>
    private protected abstract Task<ImmutableArray<CatalogEntry>> ReadItemAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> rows after <paramref name="afterRevision"/> through <see cref="StoreReads.CatalogPageAsync"/>.</summary>
    private protected abstract Task<CatalogPage> ReadPageAsync(long afterRevision, int max, CancellationToken cancellationToken);
}
