namespace AIaaS.Grains.Models;

/// <summary>How model stores cut a blob into chunks of at most <see cref="ChunkSize"/> bytes and join them again.</summary>
public static class ChunkedBlob
{
    public const int ChunkSize = 4 * 1024 * 1024;

    /// <summary>The number of chunks for <paramref name="length"/> bytes: at least one, so an empty blob is stored too.</summary>
    public static int CountFor(int length) => Math.Max(1, (length + ChunkSize - 1) / ChunkSize);

    /// <summary>Chunk <paramref name="n"/> of <paramref name="bytes"/>.</summary>
    public static ReadOnlyMemory<byte> Chunk(ReadOnlyMemory<byte> bytes, int n) =>
        bytes.Slice(n * ChunkSize, Math.Min(ChunkSize, bytes.Length - (n * ChunkSize)));

    /// <summary>The chunks copied once into one array (the only chunk itself when there is one).</summary>
    public static byte[] Join(IReadOnlyList<byte[]> chunks)
    {
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
}
