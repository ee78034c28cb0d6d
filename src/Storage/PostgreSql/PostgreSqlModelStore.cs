using System.Collections.Immutable;
using AIaaS.Grains.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Shared;
using Npgsql;
using NpgsqlTypes;

namespace AIaaS.Storage.PostgreSql;

/// <summary>
/// Model versions in PostgreSQL (002_models.sql), shared by every silo: a version's row and its chunks (binary COPY,
/// at most <see cref="ChunkedBlob.ChunkSize"/> bytes each) are one transaction, so a listed version is whole.
/// </summary>
public sealed class PostgreSqlModelStore(NpgsqlDataSource dataSource) : IModelStore
{
    public async Task SaveAsync(StoredModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var snapshot = ModelBlobs.Encode(model.Snapshot);
        var version = model.Snapshot.Version;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // A version saved again replaces the earlier copy; its chunks go with its row (ON DELETE CASCADE).
        await using (var row = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new("DELETE FROM aiaas_models WHERE version = $1") { Parameters = { new NpgsqlParameter<long> { TypedValue = version } } },
                new("INSERT INTO aiaas_models (version) VALUES ($1)") { Parameters = { new NpgsqlParameter<long> { TypedValue = version } } },
            },
        })
        {
            await row.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var import = await connection.BeginBinaryImportAsync("COPY aiaas_model_chunks (version, blob, n, data) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            await WriteChunksAsync(import, version, ModelBlobs.Snapshot, snapshot, cancellationToken);
            if (model.ScoringGraph is { } graph)
            {
                await WriteChunksAsync(import, version, ModelBlobs.Graph, graph, cancellationToken);
            }

            if (model.ItemIndexBytes is { } index)
            {
                await WriteChunksAsync(import, version, ModelBlobs.Index, index, cancellationToken);
            }

            await import.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredModel> LoadAsync(long version, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT c.blob, c.data FROM aiaas_models m LEFT JOIN aiaas_model_chunks c ON c.version = m.version WHERE m.version = $1 ORDER BY c.blob, c.n");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        var blobs = new Dictionary<string, List<byte[]>>(StringComparer.Ordinal);
        var stored = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored = true;
                if (!reader.IsDBNull(0))
                {
                    var blob = reader.GetString(0);
                    if (!blobs.TryGetValue(blob, out var chunks))
                    {
                        blobs[blob] = chunks = [];
                    }

                    chunks.Add(reader.GetFieldValue<byte[]>(1));
                }
            }
        }

        if (!stored)
        {
            throw new InvalidOperationException($"Model version {version} is not in storage.");
        }

        var snapshot = blobs.TryGetValue(ModelBlobs.Snapshot, out var snapshotChunks) ? ChunkedBlob.Join(snapshotChunks) : null;
        var graph = blobs.TryGetValue(ModelBlobs.Graph, out var graphChunks) ? ChunkedBlob.Join(graphChunks) : null;
        var index = blobs.TryGetValue(ModelBlobs.Index, out var indexChunks) ? ChunkedBlob.Join(indexChunks) : null;
        return ModelBlobs.Decode(version, snapshot, graph, index);
    }

    public async Task<ImmutableArray<long>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM aiaas_models ORDER BY version");
        return await StoreReads.NumbersAsync(command, cancellationToken);
    }

    public async Task DeleteAsync(long version, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM aiaas_models WHERE version = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteChunksAsync(NpgsqlBinaryImporter import, long version, string blob, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        for (var n = 0; n < ChunkedBlob.CountFor(bytes.Length); n++)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(version, NpgsqlDbType.Bigint, cancellationToken);
            await import.WriteAsync(blob, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(n, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(ChunkedBlob.Chunk(bytes, n), NpgsqlDbType.Bytea, cancellationToken);
        }
    }
}
