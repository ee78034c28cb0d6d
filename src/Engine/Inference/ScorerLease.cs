namespace AIaaS.Engine.Inference;

/// <summary>A batch's hold on one model version's scorer, from <see cref="ScorerCache.Acquire"/>.</summary>
public readonly struct ScorerLease : IDisposable
{
    private readonly ScorerCache.Entry _entry;

    internal ScorerLease(ScorerCache.Entry entry) => _entry = entry;

    /// <summary>The scorer; valid until the lease is disposed.</summary>
    public IBatchScorer Scorer => _entry.Scorer;

    /// <summary>Ends the hold; the last one on a superseded scorer disposes it.</summary>
    public void Dispose() => _entry?.Release();
}
