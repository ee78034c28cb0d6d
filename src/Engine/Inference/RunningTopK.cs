namespace AIaaS.Engine.Inference;

/// <summary>
/// Each row's best (score, item) so far, best first, and the buffers a tile's own top is written to. Merging keeps
/// the running entry on equal scores: earlier tiles hold lower item indices, so ties go to the lower index, as in
/// one TopK over the whole catalog.
/// </summary>
internal sealed class RunningTopK
{
    private float[] _scores = [];
    private long[] _indices = [];
    private float[] _mergedScores = [];
    private long[] _mergedIndices = [];
    private float[] _tileScores = [];
    private long[] _tileIndices = [];
    private int _rows;

    /// <summary>Entries kept per row (the row stride of <see cref="Scores"/> and <see cref="Indices"/>).</summary>
    public int Width { get; private set; }

    /// <summary>How many entries each row holds so far.</summary>
    public int Filled { get; private set; }

    public ReadOnlySpan<float> Scores => _scores.AsSpan(0, _rows * Width);

    public ReadOnlySpan<long> Indices => _indices.AsSpan(0, _rows * Width);

    public void Reset(int rows, int width, int tileWidth)
    {
        _rows = rows;
        Width = width;
        Filled = 0;
        Grow(ref _scores, rows * width);
        Grow(ref _indices, rows * width);
        Grow(ref _mergedScores, rows * width);
        Grow(ref _mergedIndices, rows * width);
        Grow(ref _tileScores, rows * tileWidth);
        Grow(ref _tileIndices, rows * tileWidth);
    }

    public Memory<float> TileScores(int n) => _tileScores.AsMemory(0, _rows * n);

    public Memory<long> TileIndices(int n) => _tileIndices.AsMemory(0, _rows * n);

    /// <summary>Merges the tile's n best per row (tile-relative indices, offset by <paramref name="start"/>) into the running top.</summary>
    public void Merge(int start, int n)
    {
        int kept = Math.Min(Width, Filled + n);
        for (int r = 0; r < _rows; r++)
        {
            int a = r * Width, aEnd = a + Filled, b = r * n, bEnd = b + n, o = r * Width;
            for (int written = 0; written < kept; written++)
            {
                if (b >= bEnd || (a < aEnd && _scores[a] >= _tileScores[b]))
                {
                    _mergedScores[o + written] = _scores[a];
                    _mergedIndices[o + written] = _indices[a++];
                }
                else
                {
                    _mergedScores[o + written] = _tileScores[b];
                    _mergedIndices[o + written] = _tileIndices[b++] + start;
                }
            }
        }

        (_scores, _mergedScores) = (_mergedScores, _scores);
        (_indices, _mergedIndices) = (_mergedIndices, _indices);
        Filled = kept;
        if (kept < Width)
        {
            // Unfilled slots read as "no item", so a catalog smaller than the width ends in -1.
            for (int r = 0; r < _rows; r++) _indices.AsSpan((r * Width) + kept, Width - kept).Fill(-1);
        }
    }

    private static void Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[Math.Max(length, buffer.Length * 2)];
    }
}
