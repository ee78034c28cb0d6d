using AIaaS.Engine.Models;
using AIaaS.Engine.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace AIaaS.Engine.Inference;

/// <summary>
/// Scores batches with the whole-catalog ONNX graph (<see cref="OnnxScoringGraph"/>): one session per model version,
/// created once; each run wraps reused buffers in OrtValues (no per-call buffers), asks TopK for the batch's
/// largest count plus its largest exclusion count — at most <see cref="MaxExtraCandidates"/> more — and filters
/// exclusions afterwards. A row that long exclusions left short (a user who saw more than that many of the best
/// items) is completed exactly on its own, so one heavy user never widens every row of the batch.
/// Each run holds a [batch × items] score tensor (256 MB for 64 users at 1M items); <see cref="TiledOnnxBatchScorer"/>
/// bounds that and is the default; this one is kept to compare against (bench inference reports both).
/// </summary>
public sealed class OnnxBatchScorer : IBatchScorer
{
    /// <summary>Candidates beyond the count that TopK returns to make room for exclusions.</summary>
    public const int MaxExtraCandidates = 128;

    private static readonly string[] InputNames = [OnnxScoringGraph.UserVectors, OnnxScoringGraph.TopKInput];
    private static readonly string[] OutputNames = [OnnxScoringGraph.Scores, OnnxScoringGraph.ItemIndices];
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly long[] _topK = new long[1];
    private float[] _scores = [];
    private long[] _indices = [];

    /// <summary>Exports <paramref name="model"/> and creates its session with <paramref name="options"/> (the caller keeps ownership of them).</summary>
    public OnnxBatchScorer(ModelSnapshot model, SessionOptions options)
        : this(model, null, options)
    {
    }

    /// <summary>
    /// Creates the session from <paramref name="graph"/>, the model's scoring graph exported when it was trained
    /// (<see cref="OnnxScoringGraph.IsGraphOf"/> must hold), or exports it here when <paramref name="graph"/> is null.
    /// </summary>
    public OnnxBatchScorer(ModelSnapshot model, byte[]? graph, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        Model = model;
        _session = new InferenceSession(graph ?? OnnxScoringGraph.ToBytes(model), options);
    }

    /// <inheritdoc />
    public ModelSnapshot Model { get; }

    /// <inheritdoc />
    public void Score(float[] users, int rows, int count, ReadOnlySpan<int> exclude, ReadOnlySpan<int> excludeOffsets,
        Span<int> topIndices, Span<float> topScores)
    {
        int k = Model.Factors;
        int width = Math.Min(Model.ItemCount, count + Math.Min(MaxExtraCandidates, CandidateFilter.MaxExclusions(excludeOffsets)));
        EnsureCapacity(rows * width);
        _topK[0] = width;
        using (var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, users.AsMemory(0, rows * k), [rows, k]))
        using (var topK = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _topK.AsMemory(), [1]))
        using (var scores = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _scores.AsMemory(0, rows * width), [rows, width]))
        using (var indices = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _indices.AsMemory(0, rows * width), [rows, width]))
        {
            _session.Run(_runOptions, InputNames, [input, topK], OutputNames, [scores, indices]);
        }

        CandidateFilter.CompleteRows(Model, users, rows, count, _indices, _scores, width, exclude, excludeOffsets, topIndices, topScores);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    private void EnsureCapacity(int length)
    {
        if (_scores.Length >= length) return;
        _scores = new float[length];
        _indices = new long[length];
    }
}
