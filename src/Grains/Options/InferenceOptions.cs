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

    /// <summary>The built-in exact scorer: Engine's managed top-k, ONNX Runtime in item tiles, or the whole-catalog ONNX graph (see docs/benchmarks.md for which is faster where).</summary>
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

    /// <summary>
    /// Exact scores every item; Ann fetches candidates from an HNSW index over the item factors and re-scores them
    /// exactly; Auto, the default, uses Ann from <see cref="AnnFromItems"/> items (docs/inference.md, Retrieval).
    /// </summary>
    public RetrievalMode Retrieval { get; set; } = RetrievalMode.Auto;

    /// <summary>
    /// The catalog size from which Auto retrieval builds an index and uses it. The crossing point depends on the CPU:
    /// on the 2-core Xeon of docs/benchmarks.md the index was faster at 100,000 items in 4 of 5 side-by-side runs.
    /// </summary>
    public int AnnFromItems { get; set; } = 100_000;

    /// <summary>HNSW edges per node: more raise recall and the index's size and build time.</summary>
    public int AnnConnectivity { get; set; } = 16;

    /// <summary>HNSW candidate list while building (efConstruction): larger builds a better graph, more slowly.</summary>
    public int AnnExpansionAdd { get; set; } = 128;

    /// <summary>HNSW candidate list while searching (ef): larger raises recall and costs time per request.</summary>
    public int AnnExpansionSearch { get; set; } = 64;

    /// <summary>Candidates fetched per requested item and re-scored exactly (exclusions come on top).</summary>
    public int AnnOversample { get; set; } = 4;

    /// <summary>Most candidates a filtered request fetches; a filter allowing at most four times this many items is scored exactly.</summary>
    public int AnnMaxCandidates { get; set; } = 4096;
}

/// <summary>How the built-in scorer finds a request's best items.</summary>
public enum RetrievalMode
{
    Exact,
    Ann,
    Auto,
}

/// <summary>The built-in scorer.</summary>
public enum ScorerKind
{
    Managed,

    /// <summary>ONNX Runtime over the item matrix in tiles (each tile an input), with a bounded score buffer at any catalog size.</summary>
    Onnx,

    /// <summary>As <see cref="Onnx"/>, one session per tile with the tile a constant that ONNX Runtime pre-packs once; holds the matrix again.</summary>
    OnnxPrepacked,

    /// <summary>The whole-catalog ONNX graph stored with the model: a [batch × items] score tensor per run; kept to compare against.</summary>
    OnnxUntiled,
}

/// <summary>The ONNX Runtime execution provider.</summary>
public enum ExecutionProviderKind
{
    Cpu,
    Cuda,
}
