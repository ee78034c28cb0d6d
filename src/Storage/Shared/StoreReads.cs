using System.Collections.Immutable;
using System.Data.Common;
using AIaaS.Grains.Storage;

namespace AIaaS.Storage.Shared;

/// <summary>Reads that are the same on every database once the command is built.</summary>
internal static class StoreReads
{
    /// <summary>The rows of <c>SELECT id, user_id FROM …erasures … ORDER BY id</c>.</summary>
    public static async Task<ImmutableArray<Erasure>> ErasuresAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var erasures = ImmutableArray.CreateBuilder<Erasure>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            erasures.Add(new Erasure(reader.GetInt64(0), reader.GetString(1)));
        }

        return erasures.ToImmutable();
    }

    /// <summary>The first column of every row, as numbers.</summary>
    public static async Task<ImmutableArray<long>> NumbersAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var numbers = ImmutableArray.CreateBuilder<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            numbers.Add(reader.GetInt64(0));
        }

        return numbers.ToImmutable();
    }

    /// <summary>
    /// The rows of <c>SELECT revision, item_id, metadata, updated_at FROM …catalog … ORDER BY revision LIMIT max + 1</c>
    /// as a page of at most <paramref name="max"/>: the one row more says whether a later change is stored.
    /// </summary>
    public static async Task<CatalogPage> CatalogPageAsync(DbCommand command, int max, CancellationToken cancellationToken)
    {
        var entries = await CatalogEntriesAsync(command, cancellationToken);
        return entries.Length > max ? new CatalogPage(entries[..max], false) : new CatalogPage(entries, true);
    }

    /// <summary>The rows of <c>SELECT revision, item_id, metadata, updated_at FROM …catalog …</c>; metadata is JSON text, NULL for a deleted item, and updated_at UTC ticks.</summary>
    public static async Task<ImmutableArray<CatalogEntry>> CatalogEntriesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = ImmutableArray.CreateBuilder<CatalogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new CatalogEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : CatalogMetadataCodec.Decode(reader.GetString(2)),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)));
        }

        return entries.ToImmutable();
    }
}
