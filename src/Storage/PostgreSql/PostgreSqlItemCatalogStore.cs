using System.Collections.Immutable;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Shared;
using Npgsql;

namespace AIaaS.Storage.PostgreSql;

/// <summary>
/// The item catalog in PostgreSQL (003_catalog.sql), shared by every silo. A change is one transaction that first
/// takes the next revision from <c>aiaas_catalog_revision</c> (holding that row's lock to commit), then writes the
/// item's row under it: changes commit in revision order, so a reader that has seen revision R misses nothing after it.
/// </summary>
public sealed class PostgreSqlItemCatalogStore(NpgsqlDataSource dataSource, TimeProvider? time = null) : DatabaseItemCatalogStore(time)
{
    private const string Select = "SELECT revision, item_id, metadata, updated_at FROM aiaas_catalog";
    private const string NextRevision = "UPDATE aiaas_catalog_revision SET value = value + 1 RETURNING value";

    // Run after NextRevision in the same transaction, they see the revision it took.
    private const string Revision = "(SELECT value FROM aiaas_catalog_revision)";

    private const string Upsert =
        $"INSERT INTO aiaas_catalog (item_id, revision, metadata, updated_at) VALUES ($1, {Revision}, $3, $2) "
        + "ON CONFLICT (item_id) DO UPDATE SET revision = excluded.revision, metadata = excluded.metadata, updated_at = excluded.updated_at RETURNING revision";

    private const string Delete =
        $"UPDATE aiaas_catalog SET revision = {Revision}, metadata = NULL, updated_at = $2 WHERE item_id = $1 AND metadata IS NOT NULL RETURNING revision";

    /// <summary>
    /// Takes the next revision and writes the row under it in one round trip; commits when a row was written, and
    /// otherwise rolls back, handing the revision back.
    /// </summary>
    private protected override async Task<long?> ChangeAsync(string itemId, string? metadata, long updatedAtTicks, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var write = new NpgsqlBatchCommand(metadata is null ? Delete : Upsert)
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = itemId }, new NpgsqlParameter<long> { TypedValue = updatedAtTicks } },
        };
        if (metadata is not null)
        {
            write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata });
        }

        long? revision = null;
        await using (var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { new(NextRevision), write } })
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                revision = reader.GetInt64(0);
            }
        }

        if (revision is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return revision;
    }

    private protected override async Task<ImmutableArray<CatalogEntry>> ReadItemAsync(string itemId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{Select} WHERE item_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = itemId });
        return await StoreReads.CatalogEntriesAsync(command, cancellationToken);
    }

    private protected override async Task<CatalogPage> ReadPageAsync(long afterRevision, int max, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{Select} WHERE revision > $1 ORDER BY revision LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterRevision });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = max + 1L });
        return await StoreReads.CatalogPageAsync(command, max, cancellationToken);
    }
}
