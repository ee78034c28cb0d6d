using AIaaS.Engine.Models;
using Orleans.Storage;

namespace AIaaS.Grains.Models;

/// <summary>
/// Stores immutable model snapshots in the grain storage provider, in chunks of at most
/// <see cref="ChunkSize"/> bytes, under a key per version. Written once, read by every silo.
/// </summary>
public sealed class ModelStore(IGrainStorage storage)
{
    public const int ChunkSize = 4 * 1024 * 1024;
    private const string GrainType = "aiaas-model";

    public async Task SaveAsync(ModelSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var buffer = new MemoryStream();
        ModelSnapshotCodec.Write(snapshot, buffer);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var count = Math.Max(1, (bytes.Length + ChunkSize - 1) / ChunkSize);
        var id = IdOf(snapshot.Version);

        // The first chunk, which carries the count, is written last: a reader never sees a partial snapshot.
        for (var n = count - 1; n >= 0; n--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slice = bytes.Slice(n * ChunkSize, Math.Min(ChunkSize, bytes.Length - (n * ChunkSize)));
            var chunk = new StoredChunk { State = new ModelChunk { Data = slice.ToArray(), Count = n == 0 ? count : 0 } };
            await storage.WriteStateAsync(ChunkName(n), id, chunk);
        }
    }

    public async Task<ModelSnapshot> LoadAsync(long version, CancellationToken cancellationToken)
    {
        var id = IdOf(version);
        var first = new StoredChunk();
        await storage.ReadStateAsync(ChunkName(0), id, first);
        if (!first.RecordExists || first.State.Count < 1)
        {
            throw new InvalidOperationException($"Model version {version} is not in storage.");
        }

        using var buffer = new MemoryStream();
        buffer.Write(first.State.Data);
        for (var n = 1; n < first.State.Count; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = new StoredChunk();
            await storage.ReadStateAsync(ChunkName(n), id, chunk);
            buffer.Write(chunk.State.Data);
        }

        buffer.Position = 0;
        return ModelSnapshotCodec.Read(buffer);
    }

    private static GrainId IdOf(long version) => GrainId.Create(GrainType, version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string ChunkName(int n) => $"model-chunk-{n}";
}
