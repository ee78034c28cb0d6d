using AIaaS.Engine.Models;
using Orleans.Storage;

namespace AIaaS.Grains.Models;

/// <summary>
/// Stores immutable model versions in the grain storage provider, in chunks of at most <see cref="ChunkSize"/>
/// bytes under a key per version: the snapshot and its ONNX scoring graph, each a chunked blob. Written once
/// by the retraining grain, read by every silo.
/// </summary>
public sealed class ModelStore(IGrainStorage storage)
{
    public const int ChunkSize = 4 * 1024 * 1024;
    private const string GrainType = "aiaas-model";
    private const string SnapshotBlob = "model";
    private const string GraphBlob = "onnx";

    public async Task SaveAsync(StoredModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        ModelSnapshotCodec.Write(model.Snapshot, buffer);
        var id = IdOf(model.Snapshot.Version);

        // The snapshot's first chunk is the last record written: once a reader finds it, the graph is complete too.
        if (model.ScoringGraph is { } graph)
        {
            await WriteBlobAsync(GraphBlob, id, graph, cancellationToken);
        }

        await WriteBlobAsync(SnapshotBlob, id, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }

    /// <exception cref="InvalidOperationException">The version is not in storage.</exception>
    public async Task<StoredModel> LoadAsync(long version, CancellationToken cancellationToken)
    {
        var id = IdOf(version);
        var snapshot = await ReadBlobAsync(SnapshotBlob, id, cancellationToken)
            ?? throw new InvalidOperationException($"Model version {version} is not in storage.");
        var graph = await ReadBlobAsync(GraphBlob, id, cancellationToken);
        using var stream = new MemoryStream(snapshot, writable: false);
        return new StoredModel(ModelSnapshotCodec.Read(stream), graph);
    }

    private async Task WriteBlobAsync(string blob, GrainId id, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var count = Math.Max(1, (bytes.Length + ChunkSize - 1) / ChunkSize);

        // The first chunk, which carries the count, is written last: a reader never sees a partial blob.
        for (var n = count - 1; n >= 0; n--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slice = bytes.Slice(n * ChunkSize, Math.Min(ChunkSize, bytes.Length - (n * ChunkSize)));
            var chunk = new StoredChunk { State = new ModelChunk { Data = slice.ToArray(), Count = n == 0 ? count : 0 } };
            await storage.WriteStateAsync(ChunkName(blob, n), id, chunk);
        }
    }

    /// <summary>The blob's bytes, copied once from its chunks into one array; null when it is not stored.</summary>
    private async Task<byte[]?> ReadBlobAsync(string blob, GrainId id, CancellationToken cancellationToken)
    {
        var first = new StoredChunk();
        await storage.ReadStateAsync(ChunkName(blob, 0), id, first);
        if (!first.RecordExists || first.State.Count < 1)
        {
            return null;
        }

        var chunks = new List<byte[]>(first.State.Count) { first.State.Data };
        for (var n = 1; n < first.State.Count; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = new StoredChunk();
            await storage.ReadStateAsync(ChunkName(blob, n), id, chunk);
            if (!chunk.RecordExists)
            {
                throw new InvalidDataException($"Chunk {n} of {first.State.Count} of the stored {blob} {id} is missing.");
            }

            chunks.Add(chunk.State.Data);
        }

        if (chunks.Count == 1)
        {
            return chunks[0];
        }

        var bytes = new byte[chunks.Sum(chunk => (long)chunk.Length)];
        var written = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(bytes, written);
            written += chunk.Length;
        }

        return bytes;
    }

    private static GrainId IdOf(long version) => GrainId.Create(GrainType, version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string ChunkName(string blob, int n) => $"{blob}-chunk-{n}";
}
