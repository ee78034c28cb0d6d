using AIaaS.Engine.Models;

namespace AIaaS.Engine.Inference;

/// <summary>
/// One scorer per model version, created on first use and kept; a superseded scorer is disposed as soon as
/// no batch holds a lease on it, so a batch in flight during a swap finishes on the version it started with.
/// </summary>
public sealed class ScorerCache(Func<ModelSnapshot, IBatchScorer> create) : IDisposable
{
    private readonly Lock _gate = new();
    private Entry? _current;

    /// <summary>A lease on the scorer for <paramref name="model"/>; dispose it when the batch is done.</summary>
    public ScorerLease Acquire(ModelSnapshot model)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (_gate)
        {
            if (_current is null || _current.Scorer.Model.Version != model.Version)
            {
                var previous = _current;
                _current = new Entry(create(model));
                previous?.Release();
            }

            _current.AddRef();
            return new ScorerLease(_current);
        }
    }

    /// <summary>Retires the current scorer (disposed once its last lease ends).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Release();
            _current = null;
        }
    }

    /// <summary>Reference count starts at 1 for the cache's own hold, released when the entry is superseded.</summary>
    internal sealed class Entry(IBatchScorer scorer)
    {
        private int _references = 1;

        public IBatchScorer Scorer { get; } = scorer;

        public void AddRef() => Interlocked.Increment(ref _references);

        public void Release()
        {
            if (Interlocked.Decrement(ref _references) == 0) Scorer.Dispose();
        }
    }
}
