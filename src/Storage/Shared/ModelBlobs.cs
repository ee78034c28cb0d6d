using AIaaS.Engine.Models;
using AIaaS.Grains.Models;

namespace AIaaS.Storage.Shared;

/// <summary>How every database's model store names a version's blobs and turns them into a <see cref="StoredModel"/> and back.</summary>
internal static class ModelBlobs
{
    public const string Snapshot = "model";
    public const string Graph = "onnx";
    public const string Index = "hnsw";

    /// <summary>The snapshot in the codec's format.</summary>
    public static ReadOnlyMemory<byte> Encode(ModelSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        ModelSnapshotCodec.Write(snapshot, buffer);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>The stored model from its blobs, as read back.</summary>
    /// <exception cref="InvalidDataException">The version has no snapshot.</exception>
    public static StoredModel Decode(long version, byte[]? snapshot, byte[]? graph, byte[]? index)
    {
        if (snapshot is null)
        {
            throw new InvalidDataException($"The stored model version {version} has no snapshot.");
        }

        using var stream = new MemoryStream(snapshot, writable: false);
        return new StoredModel(ModelSnapshotCodec.Read(stream), graph, index);
    }
}
