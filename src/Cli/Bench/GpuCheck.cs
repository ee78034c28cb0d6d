using System.Diagnostics;
using AIaaS.Engine.Inference;
using AIaaS.Engine.Models;
using AIaaS.Engine.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace AIaaS.Cli.Bench;

/// <summary>
/// The same batch of users scored on CUDA and on the CPU by the same scorer (the whole-catalog graph, which keeps the
/// item matrix on the device, and the tiled one): whether both return the same top-k, and each one's batches per
/// second. Needs the GPU build and a GPU (docs/inference.md); anywhere else CUDA cannot be appended and it says why.
/// </summary>
internal sealed class GpuCheck(int items, int factors, int deviceId, TimeSpan duration)
{
    private const int Rows = 64;
    private const int Count = 10;

    // GPU kernels sum in another order than the CPU's: scores may differ in the last bits and swap near-ties.
    private const float ScoreTolerance = 1e-3f;

    public IReadOnlyList<GpuCheckRow> Run()
    {
        using var cuda = CudaOptions(deviceId);
        using var cpu = new SessionOptions();
        var model = InferenceBench.RandomModel(items, factors);
        var users = Users(model);
        var rows = new List<GpuCheckRow>();
        foreach (var (name, create) in new (string, Func<SessionOptions, IBatchScorer>)[]
        {
            ("onnx-untiled", options => new OnnxBatchScorer(model, options)),
            ("onnx", options => new TiledOnnxBatchScorer(model, options)),
        })
        {
            using var onCpu = create(cpu);
            using var onCuda = create(cuda);
            var (cpuIds, cpuScores) = Score(onCpu, users);
            var (cudaIds, cudaScores) = Score(onCuda, users);
            var (same, maxDifference) = Compare(cpuIds, cpuScores, cudaIds, cudaScores);
            rows.Add(new GpuCheckRow(name, same, maxDifference, BatchesPerSecond(onCpu, users), BatchesPerSecond(onCuda, users)));
        }

        return rows;
    }

    /// <exception cref="InvalidOperationException">CUDA is not available to ONNX Runtime; the message says what is missing.</exception>
    public static SessionOptions CudaOptions(int deviceId)
    {
        var options = new SessionOptions();
        if (CudaProvider.TryAppend(options, deviceId) is not { } ex)
        {
            return options;
        }

        options.Dispose();
        throw new InvalidOperationException(
            $"CUDA is not available to ONNX Runtime ({ex.Message.ReplaceLineEndings(" ")}): build with -p:OnnxRuntimeFlavor=Gpu and run on a machine with an NVIDIA GPU and the CUDA 13 libraries (docs/inference.md).", ex);
    }

    /// <summary>
    /// Agreement position by position: the same item, or two items whose scores are within the tolerance (a near-tie
    /// the devices broke apart); and the largest score difference at any position.
    /// </summary>
    public static (bool Same, float MaxDifference) Compare(int[] expectedIds, float[] expectedScores, int[] actualIds, float[] actualScores)
    {
        bool same = true;
        float max = 0;
        for (int i = 0; i < expectedIds.Length; i++)
        {
            float difference = Math.Abs(expectedScores[i] - actualScores[i]);
            max = Math.Max(max, difference);
            float tolerance = ScoreTolerance * Math.Max(1, Math.Abs(expectedScores[i]));
            if (difference > tolerance || (expectedIds[i] != actualIds[i] && !NearTie(expectedIds[i], actualIds[i], i, expectedIds, expectedScores, tolerance)))
            {
                same = false;
            }
        }

        return (same, max);
    }

    private static bool NearTie(int expected, int actual, int position, int[] ids, float[] scores, float tolerance)
    {
        // The item the GPU put here must sit within the tolerance in the CPU's list of the same row.
        int rowStart = position / Count * Count;
        for (int j = rowStart; j < rowStart + Count; j++)
        {
            if (ids[j] == actual)
            {
                return Math.Abs(scores[j] - scores[position]) <= tolerance;
            }
        }

        return expected == actual;
    }

    private static float[] Users(ModelSnapshot model)
    {
        var random = new Random(7);
        var users = new float[Rows * model.Factors];
        for (int i = 0; i < users.Length; i++) users[i] = (float)((random.NextDouble() * 2) - 1);
        return users;
    }

    private static (int[] Ids, float[] Scores) Score(IBatchScorer scorer, float[] users)
    {
        var ids = new int[Rows * Count];
        var scores = new float[Rows * Count];
        scorer.Score(users, Rows, Count, [], new int[Rows + 1], ids, scores);
        return (ids, scores);
    }

    private double BatchesPerSecond(IBatchScorer scorer, float[] users)
    {
        Score(scorer, users); // warm-up: session arenas, device copies
        long batches = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            Score(scorer, users);
            batches++;
        }

        return batches / clock.Elapsed.TotalSeconds;
    }
}

/// <summary>One scorer on both devices: whether their top-k agree, the largest score difference, and batches of 64 per second.</summary>
internal sealed record GpuCheckRow(string Scorer, bool SameTopK, float MaxScoreDifference, double CpuBatchesPerSecond, double CudaBatchesPerSecond);
