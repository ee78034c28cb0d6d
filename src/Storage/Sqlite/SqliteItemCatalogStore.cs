using System.Collections.Immutable;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Shared;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// The item catalog in SQLite (004_catalog.sql). Changes go through the database's one writer, which runs them one
/// after another, each taking the revision after the highest stored: revision order is commit order, and a reader
/// (pooled, seeing the last commit) that has read through revision R finds every later change after R.
/// </summary>
public sealed class SqliteItemCatalogStore(SqliteDatabase database, TimeProvider? time = null) : DatabaseItemCatalogStore(time)
{
    private const string Select = "SELECT revision, item_id, metadata, updated_at FROM catalog";
    private const string NextRevision = "(SELECT COALESCE(MAX(revision), 0) + 1 FROM catalog)";

    private const string Upsert =
        $"INSERT INTO catalog (item_id, revision, metadata, updated_at) VALUES ($id, {NextRevision}, $metadata, $at) "
        + "ON CONFLICT (item_id) DO UPDATE SET revision = excluded.revision, metadata = excluded.metadata, updated_at = excluded.updated_at "
        + "RETURNING revision";

    private const string Delete =
        $"UPDATE catalog SET revision = {NextRevision}, metadata = NULL, updated_at = $at WHERE item_id = $id AND metadata IS NOT NULL RETURNING revision";

    private protected override Task<long?> ChangeAsync(string itemId, string? metadata, long updatedAtTicks, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            var command = SqliteInteractionLogStore.Command(connection, metadata is null ? Delete : Upsert, transaction);
            command.Parameters.AddWithValue("$id", itemId);
            command.Parameters.AddWithValue("$at", updatedAtTicks);
            if (metadata is not null)
            {
                command.Parameters.AddWithValue("$metadata", metadata);
            }

            return command.ExecuteScalar() is long revision ? revision : (long?)null;
        }, cancellationToken);

    private protected override Task<ImmutableArray<CatalogEntry>> ReadItemAsync(string itemId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            var command = SqliteInteractionLogStore.Command(connection, $"{Select} WHERE item_id = $id");
            command.Parameters.AddWithValue("$id", itemId);
            return StoreReads.CatalogEntriesAsync(command, cancellationToken);
        });

    private protected override Task<CatalogPage> ReadPageAsync(long afterRevision, int max, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            var command = SqliteInteractionLogStore.Command(connection, $"{Select} WHERE revision > $after ORDER BY revision LIMIT $limit");
            command.Parameters.AddWithValue("$after", afterRevision);
            command.Parameters.AddWithValue("$limit", max + 1L);
            return StoreReads.CatalogPageAsync(command, max, cancellationToken);
        });
}
