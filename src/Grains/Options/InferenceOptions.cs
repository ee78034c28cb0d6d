namespace AIaaS.Grains.Options;

/// <summary>How this silo scores recommendations, bound from the configuration section <see cref="Section"/>.</summary>
public sealed class InferenceOptions
{
    public const string Section = "AIaaS:Inference";

    /// <summary>Most requests scored together. Larger batches share one pass over the item matrix; 1 turns batching off.</summary>
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>
    /// Longest the oldest queued request waits for a fuller batch (Triton's max_queue_delay_microseconds).
    /// Zero, the default, dispatches at once: batches still form from the requests that arrive while the
    /// previous batch runs, which measured as fast under load and far faster at light load than 2 ms.
    /// </summary>
    public TimeSpan MaxQueueDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Most requests waiting to be scored on this silo; past it a request answers 503 at once instead of queueing without bound.</summary>
    public int MaxQueuedRequests { get; set; } = 10_000;

    /// <summary>The built-in scorer: Engine's managed top-k or the exported ONNX graph (see docs/benchmarks.md for which is faster where).</summary>
    public ScorerKind Scorer { get; set; } = ScorerKind.Onnx;

    /// <summary>Where ONNX Runtime runs: Cpu, or Cuda with the GPU build (-p:OnnxRuntimeFlavor=Gpu) and a GPU.</summary>
    public ExecutionProviderKind ExecutionProvider { get; set; } = ExecutionProviderKind.Cpu;

    /// <summary>Whether asking for CUDA where it is not available logs a warning and runs on CPU, rather than failing start-up.</summary>
    public bool FallbackToCpu { get; set; }

    /// <summary>The CUDA device to use.</summary>
    public int DeviceId { get; set; }

    /// <summary>Optional ONNX ranking model (docs/inference.md has its signature) that re-orders the top candidates.</summary>
    public string? RankingModelPath { get; set; }

    /// <summary>Candidates per request handed to the ranking model: more can surface better items but cost more per request.</summary>
    public int RankingCandidates { get; set; } = 100;
}

/// <summary>The built-in scorer.</summary>
public enum ScorerKind
{
    Managed,
    Onnx,
}

/// <summary>The ONNX Runtime execution provider.</summary>
public enum ExecutionProviderKind
{
    Cpu,
    Cuda,
}
