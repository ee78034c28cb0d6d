using AIaaS.Engine.Models;
using AIaaS.Engine.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace AIaaS.Engine.Inference;

/// <summary>
/// Exact top-k through ONNX Runtime without a catalog-sized buffer: the item matrix is fed in tiles of consecutive
/// rows (<see cref="OnnxTileGraph"/>, Gemm + TopK per tile, straight from the model's own factor array), and each
/// tile's best are merged into a running top-k per row. A run holds at most <c>tileScoreBytes</c> of scores
/// however large the catalog; exclusions are handled as in <see cref="OnnxBatchScorer"/>.
/// </summary>
public sealed class TiledOnnxBatchScorer : IBatchScorer
{
    /// <summary>Default bound on one tile's score tensor: 4 MB, 16,384 items for a batch of 64.</summary>
    public const int DefaultTileScoreBytes = 4 << 20;

    private const int MinTileItems = 1024;
    private static readonly string[] InputNames = [OnnxTileGraph.UserVectors, OnnxTileGraph.ItemTile, OnnxTileGraph.TopKInput];
    private static readonly string[] OutputNames = [OnnxTileGraph.Scores, OnnxTileGraph.ItemIndices];
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly long[] _topK = new long[1];
    private readonly int _tileScoreBytes;
    private readonly RunningTopK _running = new();

    /// <summary>Creates the tile session with <paramref name="options"/> (the caller keeps ownership of them).</summary>
    /// <param name="model">The model version served.</param>
    /// <param name="options">ONNX Runtime session options.</param>
    /// <param name="tileScoreBytes">Most bytes of scores one tile may produce; the tile is sized from it and the batch.</param>
    public TiledOnnxBatchScorer(ModelSnapshot model, SessionOptions options, int tileScoreBytes = DefaultTileScoreBytes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (tileScoreBytes < MinTileItems * sizeof(float)) ThrowHelper.OutOfRange(nameof(tileScoreBytes), $"must be at least {MinTileItems * sizeof(float)}.");
        Model = model;
        _tileScoreBytes = tileScoreBytes;
        _session = new InferenceSession(OnnxTileGraph.ToBytes(model.Factors), options);
    }

    /// <inheritdoc />
    public ModelSnapshot Model { get; }

    /// <summary>Items per tile for a batch of <paramref name="rows"/>: the score bound divided by the rows, at least 1,024.</summary>
    public int TileItems(int rows) => Math.Min(Model.ItemCount, Math.Max(MinTileItems, _tileScoreBytes / (sizeof(float) * Math.Max(1, rows))));

    /// <inheritdoc />
    public void Score(float[] users, int rows, int count, ReadOnlySpan<int> exclude, ReadOnlySpan<int> excludeOffsets,
        Span<int> topIndices, Span<float> topScores)
    {
        int k = Model.Factors, items = Model.ItemCount, tile = TileItems(rows);
        int width = Math.Min(items, count + Math.Min(OnnxBatchScorer.MaxExtraCandidates, CandidateFilter.MaxExclusions(excludeOffsets)));
        _running.Reset(rows, width, Math.Min(width, tile));
        var itemFactors = Model.ItemFactors.AsMemory();
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, users.AsMemory(0, rows * k), [rows, k]);
        using var topK = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _topK.AsMemory(), [1]);
        for (int start = 0; start < items; start += tile)
        {
            int length = Math.Min(tile, items - start), n = Math.Min(width, length);
            _topK[0] = n;
            using (var itemTile = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, itemFactors.Slice(start * k, length * k), [length, k]))
            using (var scores = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _running.TileScores(n), [rows, n]))
            using (var indices = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _running.TileIndices(n), [rows, n]))
            {
                _session.Run(_runOptions, InputNames, [input, itemTile, topK], OutputNames, [scores, indices]);
            }

            _running.Merge(start, n);
        }

        CandidateFilter.CompleteRows(Model, users, rows, count, _running.Indices, _running.Scores, _running.Width, exclude, excludeOffsets, topIndices, topScores);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
