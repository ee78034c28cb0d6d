using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>
/// A JSON body of any size, written in blocks as it is sent rather than held in memory: a prefix, spaces (valid JSON
/// whitespace, so a parser reads on) and a suffix. Without a length it goes chunked.
/// </summary>
internal sealed class LargeBody : HttpContent
{
    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("""{"events":[""");
    private static readonly byte[] Suffix = Encoding.UTF8.GetBytes("]}");
    private readonly long _size;
    private readonly bool _chunked;

    public LargeBody(long size, bool chunked)
    {
        (_size, _chunked) = (size, chunked);
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var spaces = new byte[64 * 1024];
        Array.Fill(spaces, (byte)' ');
        await stream.WriteAsync(Prefix);
        for (var left = _size - Prefix.Length - Suffix.Length; left > 0; left -= spaces.Length)
        {
            await stream.WriteAsync(spaces.AsMemory(0, (int)Math.Min(left, spaces.Length)));
        }

        await stream.WriteAsync(Suffix);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _size;
        return !_chunked;
    }
}
