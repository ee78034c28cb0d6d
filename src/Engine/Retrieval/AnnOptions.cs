namespace AIaaS.Engine.Retrieval;

/// <summary>How the HNSW item index is built and searched, and how many candidates a request re-scores exactly.</summary>
public sealed record AnnOptions
{
    /// <summary>Graph edges per node (HNSW's M). More edges: better recall, a larger index and a slower build.</summary>
    public int Connectivity { get; init; } = 16;

    /// <summary>Candidate list while inserting (efConstruction). Larger builds a better graph, more slowly.</summary>
    public int ExpansionAdd { get; init; } = 128;

    /// <summary>Candidate list while searching (ef). Larger raises recall and costs time per request.</summary>
    public int ExpansionSearch { get; init; } = 64;

    /// <summary>
    /// Candidates fetched per requested item before exact re-scoring (the request's exclusions come on top). The
    /// re-scoring is exact, so this trades a little time for recall of the true top items.
    /// </summary>
    public int Oversample { get; init; } = 4;

    /// <summary>
    /// Most candidates a filtered request fetches (a narrow filter asks for proportionally more). A filter that
    /// allows at most four times this many items is scored exactly over its items instead: that is cheaper.
    /// </summary>
    public int MaxCandidates { get; init; } = 4096;

    /// <summary>
    /// Rows of a batch searched at once, and items added at once while building. The exact scorer spreads one batch
    /// over every core (ONNX Runtime's intra-op threads); this does the same with rows, so the two compare per batch
    /// loop. At most one per core is used: the native index keeps a search and an add context per hardware thread.
    /// </summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Connectivity is < 2 or > 256) ThrowHelper.Option(nameof(Connectivity), "must be from 2 to 256", Connectivity);
        if (ExpansionAdd is < 1 or > 4096) ThrowHelper.Option(nameof(ExpansionAdd), "must be from 1 to 4096", ExpansionAdd);
        if (ExpansionSearch is < 1 or > 4096) ThrowHelper.Option(nameof(ExpansionSearch), "must be from 1 to 4096", ExpansionSearch);
        if (Oversample is < 1 or > 100) ThrowHelper.Option(nameof(Oversample), "must be from 1 to 100", Oversample);
        if (Threads is < 1 or > 1024) ThrowHelper.Option(nameof(Threads), "must be from 1 to 1024", Threads);
        if (MaxCandidates is < 1 or > 1_000_000) ThrowHelper.Option(nameof(MaxCandidates), "must be from 1 to 1,000,000", MaxCandidates);
    }
}
