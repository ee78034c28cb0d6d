using AIaaS.Engine.Models;
using AIaaS.Engine.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace AIaaS.Engine.Inference;

/// <summary>
/// Exact top-k through ONNX Runtime without a catalog-sized buffer: the item matrix is scored in tiles of consecutive
/// rows (Gemm or MatMul + TopK per tile, <see cref="OnnxTiles"/> says how the tile reaches ONNX Runtime), and each
/// tile's best are merged into a running top-k per row. A run holds at most <c>tileScoreBytes</c> of scores however
/// large the catalog; exclusions are handled as in <see cref="OnnxBatchScorer"/>.
/// </summary>
public sealed class TiledOnnxBatchScorer : IBatchScorer
{
    /// <summary>Default bound on one tile's score tensor: 4 MB, 16,384 items for a batch of 64.</summary>
    public const int DefaultTileScoreBytes = 4 << 20;

    /// <summary>Default rows per run with pre-packed tiles, whose size is fixed when the sessions are made; larger batches run in parts.</summary>
    public const int DefaultMaxRows = 64;

    private const int MinTileItems = 1024;
    private static readonly string[] InputNames = [OnnxTileGraph.UserVectors, OnnxTileGraph.ItemTile, OnnxTileGraph.TopKInput];
    private static readonly string[] PrepackedInputNames = [OnnxScoringGraph.UserVectors, OnnxScoringGraph.TopKInput];
    private static readonly string[] OutputNames = [OnnxTileGraph.Scores, OnnxTileGraph.ItemIndices];
    private readonly InferenceSession? _session;
    private readonly InferenceSession[] _tileSessions = [];
    private readonly RunOptions _runOptions = new();
    private readonly long[] _topK = new long[1];
    private readonly int _tileScoreBytes;
    private readonly int _maxRows;
    private readonly RunningTopK _running = new();

    /// <summary>Creates the session(s) with <paramref name="options"/> (the caller keeps ownership of them).</summary>
    /// <param name="model">The model version served.</param>
    /// <param name="options">ONNX Runtime session options.</param>
    /// <param name="tileScoreBytes">Most bytes of scores one tile may produce; the tile is sized from it and the rows.</param>
    /// <param name="tiles">Tiles as inputs of one session, or pre-packed constants of one session each.</param>
    /// <param name="maxRows">With pre-packed tiles: the rows the tile size is made for; a larger batch runs in parts of this many.</param>
    public TiledOnnxBatchScorer(ModelSnapshot model, SessionOptions options, int tileScoreBytes = DefaultTileScoreBytes,
        OnnxTiles tiles = OnnxTiles.Input, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (tileScoreBytes < MinTileItems * sizeof(float)) ThrowHelper.OutOfRange(nameof(tileScoreBytes), $"must be at least {MinTileItems * sizeof(float)}.");
        if (maxRows < 1) ThrowHelper.OutOfRange(nameof(maxRows), "must be at least 1.");
        Model = model;
        Tiles = tiles;
        _tileScoreBytes = tileScoreBytes;
        _maxRows = maxRows;
        if (tiles == OnnxTiles.Input)
        {
            _session = new InferenceSession(OnnxTileGraph.ToBytes(model.Factors), options);
            return;
        }

        int k = model.Factors, tile = TileItems(maxRows);
        _tileSessions = new InferenceSession[(model.ItemCount + tile - 1) / tile];
        try
        {
            for (int t = 0; t < _tileSessions.Length; t++)
            {
                int start = t * tile, length = Math.Min(tile, model.ItemCount - start);
                _tileSessions[t] = new InferenceSession(OnnxScoringGraph.TileToBytes(model.ItemFactors.AsSpan(start * k, length * k), k, model.Version), options);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ModelSnapshot Model { get; }

    /// <summary>How the tiles reach ONNX Runtime.</summary>
    public OnnxTiles Tiles { get; }

    /// <summary>Items per tile for a run of <paramref name="rows"/>: the score bound divided by the rows, at least 1,024 (fixed at construction when pre-packed).</summary>
    public int TileItems(int rows)
    {
        int forRows = Tiles == OnnxTiles.Prepacked ? _maxRows : Math.Max(1, rows);
        return Math.Min(Model.ItemCount, Math.Max(MinTileItems, _tileScoreBytes / (sizeof(float) * forRows)));
    }

    /// <inheritdoc />
    public void Score(float[] users, int rows, int count, ReadOnlySpan<int> exclude, ReadOnlySpan<int> excludeOffsets,
        Span<int> topIndices, Span<float> topScores)
    {
        ArgumentNullException.ThrowIfNull(users);
        int part = Tiles == OnnxTiles.Prepacked ? _maxRows : rows, k = Model.Factors;
        int width = Math.Min(Model.ItemCount, count + Math.Min(OnnxBatchScorer.MaxExtraCandidates, CandidateFilter.MaxExclusions(excludeOffsets)));
        for (int first = 0; first < rows; first += part)
        {
            int n = Math.Min(part, rows - first);
            var partUsers = users.AsMemory(first * k, n * k);
            ScoreTiles(partUsers, n, width);
            CandidateFilter.CompleteRows(Model, partUsers.Span, n, count, _running.Indices, _running.Scores, width, exclude,
                excludeOffsets.IsEmpty ? default : excludeOffsets.Slice(first, n + 1), topIndices.Slice(first * count, n * count), topScores.Slice(first * count, n * count));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session?.Dispose();
        foreach (var session in _tileSessions) session?.Dispose();
        _runOptions.Dispose();
    }

    private void ScoreTiles(ReadOnlyMemory<float> users, int rows, int width)
    {
        int k = Model.Factors, items = Model.ItemCount, tile = TileItems(rows);
        _running.Reset(rows, width, Math.Min(width, tile));
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, AsWritable(users), [rows, k]);
        using var topK = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _topK.AsMemory(), [1]);
        for (int t = 0, start = 0; start < items; t++, start += tile)
        {
            int length = Math.Min(tile, items - start), n = Math.Min(width, length);
            _topK[0] = n;
            using (var scores = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _running.TileScores(n), [rows, n]))
            using (var indices = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _running.TileIndices(n), [rows, n]))
            {
                if (Tiles == OnnxTiles.Prepacked)
                {
                    _tileSessions[t].Run(_runOptions, PrepackedInputNames, [input, topK], OutputNames, [scores, indices]);
                }
                else
                {
                    using var itemTile = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Model.ItemFactors.AsMemory(start * k, length * k), [length, k]);
                    _session!.Run(_runOptions, InputNames, [input, itemTile, topK], OutputNames, [scores, indices]);
                }
            }

            _running.Merge(start, n);
        }
    }

    /// <summary>ONNX Runtime takes writable memory for inputs too; it does not write to them.</summary>
    private static Memory<float> AsWritable(ReadOnlyMemory<float> memory) => System.Runtime.InteropServices.MemoryMarshal.AsMemory(memory);
}
