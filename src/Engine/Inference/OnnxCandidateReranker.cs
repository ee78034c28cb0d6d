using AIaaS.Engine.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AIaaS.Engine.Inference;

/// <summary>
/// A user-supplied ONNX ranking model that re-orders each row's top candidates. Signature (checked at load):
/// inputs <c>user_vector</c> float[1, k] or [B, k] and <c>candidate_vectors</c> float[N, k]; output <c>scores</c>
/// float[N] or [B, N]. Runs one row at a time on the batcher's loop, with reused buffers.
/// </summary>
public sealed class OnnxCandidateReranker : ICandidateReranker, IDisposable
{
    /// <summary>The signature a ranking model must have, as error messages state it.</summary>
    public const string ExpectedSignature =
        "inputs 'user_vector' float[1,k] or [B,k] and 'candidate_vectors' float[N,k]; output 'scores' float[N] or [B,N]";

    private const string UserInput = "user_vector";
    private const string CandidateInput = "candidate_vectors";
    private const string ScoresOutput = "scores";
    private static readonly string[] InputNames = [UserInput, CandidateInput];
    private static readonly string[] OutputNames = [ScoresOutput];
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly int _outputRank;
    private readonly int _factors;
    private float[] _user = [];
    private float[] _candidates = [];
    private float[] _scores = [];
    private float[] _keys = [];

    private OnnxCandidateReranker(InferenceSession session, int candidates)
    {
        _session = session;
        Candidates = candidates;
        _outputRank = session.OutputMetadata[ScoresOutput].Dimensions.Length;
        var k = session.InputMetadata[CandidateInput].Dimensions[1];
        _factors = k > 0 ? k : -1;
    }

    /// <inheritdoc />
    public int Candidates { get; }

    /// <summary>Loads and validates a ranking model; throws <see cref="InvalidDataException"/> naming <see cref="ExpectedSignature"/> when it does not fit.</summary>
    public static OnnxCandidateReranker Load(string path, SessionOptions options, int candidates)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        if (candidates < 1) ThrowHelper.OutOfRange(nameof(candidates), "must be at least 1.");
        var session = new InferenceSession(path, options);
        try
        {
            Validate(session, path);
            return new OnnxCandidateReranker(session, candidates);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Rerank(ModelSnapshot model, ReadOnlySpan<float> user, Span<int> candidates, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(model);
        int k = model.Factors, n = candidates.IndexOf(-1) is var end && end >= 0 ? end : candidates.Length;
        if (n == 0 || (_factors > 0 && _factors != k)) return;
        Grow(ref _user, k);
        Grow(ref _candidates, n * k);
        Grow(ref _scores, n);
        Grow(ref _keys, n);
        user.CopyTo(_user);
        for (int i = 0; i < n; i++) model.ItemFactors.AsSpan(candidates[i] * k, k).CopyTo(_candidates.AsSpan(i * k, k));
        using (var userValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _user.AsMemory(0, k), [1, k]))
        using (var candidateValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _candidates.AsMemory(0, n * k), [n, k]))
        using (var output = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _scores.AsMemory(0, n), _outputRank == 1 ? [n] : [1, n]))
        {
            _session.Run(_runOptions, InputNames, [userValue, candidateValue], OutputNames, [output]);
        }

        // Sort ascending by negated score: best first, and the candidates move with their keys.
        for (int i = 0; i < n; i++) _keys[i] = -_scores[i];
        _keys.AsSpan(0, n).Sort(candidates[..n]);
        for (int i = 0; i < n; i++) scores[i] = -_keys[i];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    private static void Validate(InferenceSession session, string path)
    {
        var inputs = session.InputMetadata;
        var outputs = session.OutputMetadata;
        string? problem = null;
        foreach (var name in inputs.Keys)
        {
            if (name is not (UserInput or CandidateInput)) problem ??= $"it has an input '{name}' that AIaaS does not supply";
        }

        problem ??= Check(inputs, UserInput, 2, "input") ?? Check(inputs, CandidateInput, 2, "input")
            ?? Check(outputs, ScoresOutput, 1, "output", alsoRank: 2);
        if (problem is not null)
        {
            throw new InvalidDataException($"The ranking model '{path}' does not have the expected signature ({ExpectedSignature}): {problem}.");
        }
    }

    private static string? Check(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, int rank, string kind, int alsoRank = -1)
    {
        if (!nodes.TryGetValue(name, out var node)) return $"it has no {kind} '{name}' (it has {string.Join(", ", nodes.Keys)})";
        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float) return $"{kind} '{name}' is not a float tensor";
        int actual = node.Dimensions.Length;
        return actual == rank || actual == alsoRank ? null : $"{kind} '{name}' has rank {actual}";
    }

    private static void Grow(ref float[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new float[Math.Max(length, buffer.Length * 2)];
    }
}
