using System.Collections.Immutable;
using AIaaS.Grains.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Shared;
using Microsoft.Data.Sqlite;

namespace AIaaS.Storage.Sqlite;

/// <summary>Model versions in SQLite (003_models.sql): a version's chunks and its row are one transaction, so a listed version is whole.</summary>
public sealed class SqliteModelStore(SqliteDatabase database) : IModelStore
{
    public async Task SaveAsync(StoredModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var snapshot = ModelBlobs.Encode(model.Snapshot);
        var version = model.Snapshot.Version;
        await database.WriteAsync((connection, transaction) =>
        {
            Delete(connection, transaction, version);
            WriteChunks(connection, transaction, version, ModelBlobs.Snapshot, snapshot);
            if (model.ScoringGraph is { } graph)
            {
                WriteChunks(connection, transaction, version, ModelBlobs.Graph, graph);
            }

            if (model.ItemIndexBytes is { } index)
            {
                WriteChunks(connection, transaction, version, ModelBlobs.Index, index);
            }

            var row = SqliteInteractionLogStore.Command(connection, "INSERT INTO models (version, stored_at) VALUES ($v, $at)", transaction);
            row.Parameters.AddWithValue("$v", version);
            row.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.UtcTicks);
            return row.ExecuteNonQuery();
        }, cancellationToken);
    }

    public async Task<StoredModel> LoadAsync(long version, CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            var exists = SqliteInteractionLogStore.Command(connection, "SELECT COUNT(*) FROM models WHERE version = $v");
            {
                exists.Parameters.AddWithValue("$v", version);
                if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
                {
                    throw new InvalidOperationException($"Model version {version} is not in storage.");
                }
            }

            var snapshot = await ReadBlobAsync(connection, version, ModelBlobs.Snapshot, cancellationToken);
            var graph = await ReadBlobAsync(connection, version, ModelBlobs.Graph, cancellationToken);
            var index = await ReadBlobAsync(connection, version, ModelBlobs.Index, cancellationToken);
            return ModelBlobs.Decode(version, snapshot, graph, index);
        });
    }

    public async Task<ImmutableArray<long>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        return await database.ReadAsync(async connection =>
        {
            var command = SqliteInteractionLogStore.Command(connection, "SELECT version FROM models ORDER BY version");
            return await StoreReads.NumbersAsync(command, cancellationToken);
        });
    }

    public Task DeleteAsync(long version, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => Delete(connection, transaction, version), cancellationToken);

    private static int Delete(SqliteConnection connection, SqliteTransaction transaction, long version)
    {
        var delete = SqliteInteractionLogStore.Command(connection, "DELETE FROM model_chunks WHERE version = $v; DELETE FROM models WHERE version = $v", transaction);
        delete.Parameters.AddWithValue("$v", version);
        return delete.ExecuteNonQuery();
    }

    private static void WriteChunks(SqliteConnection connection, SqliteTransaction transaction, long version, string blob, ReadOnlyMemory<byte> bytes)
    {
        var insert = SqliteInteractionLogStore.Command(connection, "INSERT INTO model_chunks (version, blob, n, data) VALUES ($v, $b, $n, $d)", transaction);
        insert.Parameters.AddWithValue("$v", version);
        insert.Parameters.AddWithValue("$b", blob);
        var n = insert.Parameters.Add("$n", SqliteType.Integer);
        var data = insert.Parameters.Add("$d", SqliteType.Blob);
        for (var i = 0; i < ChunkedBlob.CountFor(bytes.Length); i++)
        {
            n.Value = i;
            data.Value = ChunkedBlob.Chunk(bytes, i).ToArray();
            insert.ExecuteNonQuery();
        }
    }

    private static async Task<byte[]?> ReadBlobAsync(SqliteConnection connection, long version, string blob, CancellationToken cancellationToken)
    {
        var command = SqliteInteractionLogStore.Command(connection, "SELECT data FROM model_chunks WHERE version = $v AND blob = $b ORDER BY n");
        command.Parameters.AddWithValue("$v", version);
        command.Parameters.AddWithValue("$b", blob);
        var chunks = new List<byte[]>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                chunks.Add((byte[])reader.GetValue(0));
            }
        }

        return chunks.Count == 0 ? null : ChunkedBlob.Join(chunks);
    }
}
