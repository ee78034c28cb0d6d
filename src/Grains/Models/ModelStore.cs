using System.Collections.Immutable;
using AIaaS.Engine.Models;
using AIaaS.Grains.Storage;
using Orleans.Storage;

namespace AIaaS.Grains.Models;

/// <summary>
/// Stores immutable model versions in a grain storage provider (in-memory storage for tests; Redis): the snapshot,
/// its ONNX scoring graph and its item index, each a chunked blob under a key per version, and an index record of the stored
/// versions. The first chunk of a blob is written last and the index after it, so a reader never sees part of one.
/// </summary>
public sealed class ModelStore(IGrainStorage storage) : IModelStore, IDisposable
{
    public const int ChunkSize = ChunkedBlob.ChunkSize;
    private const string GrainType = "aiaas-model";
    private const string SnapshotBlob = "model";
    private const string GraphBlob = "onnx";
    private const string IndexBlob = "hnsw";
    private static readonly GrainId IndexId = GrainId.Create(GrainType, "index");
    private readonly SemaphoreSlim _indexLock = new(1, 1);

    public async Task SaveAsync(StoredModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        ModelSnapshotCodec.Write(model.Snapshot, buffer);
        var id = IdOf(model.Snapshot.Version);
        // A version saved again keeps nothing of its earlier copy: a blob it does not have is deleted.
        await WriteOrDeleteBlobAsync(GraphBlob, id, model.ScoringGraph, cancellationToken);
        await WriteOrDeleteBlobAsync(IndexBlob, id, model.ItemIndexBytes, cancellationToken);

        await WriteBlobAsync(SnapshotBlob, id, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        await UpdateIndexAsync(versions => versions.Add(model.Snapshot.Version));
    }

    /// <exception cref="InvalidOperationException">The version is not in storage.</exception>
    public async Task<StoredModel> LoadAsync(long version, CancellationToken cancellationToken)
    {
        var id = IdOf(version);
        var snapshot = await ReadBlobAsync(SnapshotBlob, id, cancellationToken)
            ?? throw new InvalidOperationException($"Model version {version} is not in storage.");
        var graph = await ReadBlobAsync(GraphBlob, id, cancellationToken);
        var index = await ReadBlobAsync(IndexBlob, id, cancellationToken);
        using var stream = new MemoryStream(snapshot, writable: false);
        return new StoredModel(ModelSnapshotCodec.Read(stream), graph, index);
    }

    public async Task<ImmutableArray<long>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        var index = new StoredRecord<ModelIndex>();
        await storage.ReadStateAsync(IndexName, IndexId, index);
        return [.. index.State.Versions.Order()];
    }

    public async Task DeleteAsync(long version, CancellationToken cancellationToken)
    {
        // Out of the index first: a version that is listed is always whole.
        await UpdateIndexAsync(versions => versions.Remove(version));
        var id = IdOf(version);
        foreach (var blob in new[] { SnapshotBlob, GraphBlob, IndexBlob })
        {
            await DeleteBlobAsync(blob, id);
        }
    }

    private async Task WriteOrDeleteBlobAsync(string blob, GrainId id, byte[]? bytes, CancellationToken cancellationToken)
    {
        if (bytes is null)
        {
            await DeleteBlobAsync(blob, id);
        }
        else
        {
            await WriteBlobAsync(blob, id, bytes, cancellationToken);
        }
    }

    private async Task DeleteBlobAsync(string blob, GrainId id)
    {
        var first = new StoredRecord<ModelChunk>();
        await storage.ReadStateAsync(ChunkName(blob, 0), id, first);
        for (var n = Math.Max(1, first.State.Count) - 1; n >= 0 && first.RecordExists; n--)
        {
            var chunk = new StoredRecord<ModelChunk>();
            await storage.ReadStateAsync(ChunkName(blob, n), id, chunk);
            if (chunk.RecordExists)
            {
                await storage.ClearStateAsync(ChunkName(blob, n), id, chunk);
            }
        }
    }

    private const string IndexName = "versions";

    public void Dispose() => _indexLock.Dispose();

    private async Task UpdateIndexAsync(Func<HashSet<long>, bool> change)
    {
        await _indexLock.WaitAsync();
        try
        {
            var index = new StoredRecord<ModelIndex>();
            await storage.ReadStateAsync(IndexName, IndexId, index);
            if (change(index.State.Versions))
            {
                await storage.WriteStateAsync(IndexName, IndexId, index);
            }
        }
        finally
        {
            _indexLock.Release();
        }
    }

    private async Task WriteBlobAsync(string blob, GrainId id, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var count = ChunkedBlob.CountFor(bytes.Length);

        // The first chunk, which carries the count, is written last: a reader never sees a partial blob.
        for (var n = count - 1; n >= 0; n--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = new StoredRecord<ModelChunk>();
            await storage.ReadStateAsync(ChunkName(blob, n), id, chunk);
            chunk.State = new ModelChunk { Data = ChunkedBlob.Chunk(bytes, n).ToArray(), Count = n == 0 ? count : 0 };
            await storage.WriteStateAsync(ChunkName(blob, n), id, chunk);
        }
    }

    /// <summary>The blob's bytes, copied once from its chunks into one array; null when it is not stored.</summary>
    private async Task<byte[]?> ReadBlobAsync(string blob, GrainId id, CancellationToken cancellationToken)
    {
        var first = new StoredRecord<ModelChunk>();
        await storage.ReadStateAsync(ChunkName(blob, 0), id, first);
        if (!first.RecordExists || first.State.Count < 1)
        {
            return null;
        }

        var chunks = new List<byte[]>(first.State.Count) { first.State.Data };
        for (var n = 1; n < first.State.Count; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = new StoredRecord<ModelChunk>();
            await storage.ReadStateAsync(ChunkName(blob, n), id, chunk);
            if (!chunk.RecordExists)
            {
                throw new InvalidDataException($"Chunk {n} of {first.State.Count} of the stored {blob} {id} is missing.");
            }

            chunks.Add(chunk.State.Data);
        }

        return ChunkedBlob.Join(chunks);
    }

    private static GrainId IdOf(long version) => GrainId.Create(GrainType, version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string ChunkName(string blob, int n) => $"{blob}-chunk-{n}";
}
