using AIaaS.Engine.Inference;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace AIaaS.Grains.Inference;

/// <summary>
/// This silo's one batcher, which the stateless <see cref="InferenceGrain"/> activations enqueue into. Started with
/// the host, so a bad execution-provider setting stops start-up with a message naming the key; a ranking model
/// that does not fit its signature is logged and left out, and the built-in scorer keeps serving.
/// </summary>
public sealed class InferenceService(ModelCatalog catalog, IOptions<InferenceOptions> options, ILogger<InferenceService> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private SessionOptions? _sessionOptions;
    private ScorerCache? _scorers;
    private OnnxCandidateReranker? _reranker;
    private InferenceBatcher? _batcher;

    /// <summary>Whether a ranking model was loaded and re-ranks candidates.</summary>
    public bool HasRankingModel => Started()._reranker is not null;

    public Task<InferenceResult> ScoreAsync(InferenceRequest request) => Started()._batcher!.ScoreAsync(request);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Started();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_batcher is not null) await _batcher.DisposeAsync();
        _scorers?.Dispose();
        _reranker?.Dispose();
        _sessionOptions?.Dispose();
    }

    private InferenceService Started()
    {
        if (Volatile.Read(ref _batcher) is not null) return this;
        lock (_gate)
        {
            if (_batcher is not null) return this;
            var settings = options.Value;
            _sessionOptions = OnnxSessionOptionsFactory.Create(settings, logger);
            var sessionOptions = _sessionOptions;
            _scorers = settings.Scorer == ScorerKind.Onnx
                ? new ScorerCache(model => new OnnxBatchScorer(model, StoredGraphOf(model), sessionOptions))
                : new ScorerCache(model => new ManagedBatchScorer(model));
            _reranker = LoadRankingModel(settings, sessionOptions);
            var batching = new BatchingOptions { MaxBatchSize = settings.MaxBatchSize, MaxQueueDelay = settings.MaxQueueDelay, MaxQueuedRequests = settings.MaxQueuedRequests };
            Log.InferenceStarted(logger, settings.Scorer.ToString(), settings.ExecutionProvider.ToString(), settings.MaxBatchSize, settings.RankingModelPath ?? "none");
            Volatile.Write(ref _batcher, new InferenceBatcher(batching, _scorers, () => catalog.Current?.Snapshot, _reranker));
            return this;
        }
    }

    /// <summary>The graph stored with <paramref name="model"/> when it is still the catalog's; otherwise the scorer exports one.</summary>
    private byte[]? StoredGraphOf(Engine.Models.ModelSnapshot model) =>
        catalog.Current is { } loaded && ReferenceEquals(loaded.Snapshot, model) ? loaded.TakeScoringGraph() : null;

    private OnnxCandidateReranker? LoadRankingModel(InferenceOptions settings, SessionOptions sessionOptions)
    {
        if (string.IsNullOrEmpty(settings.RankingModelPath)) return null;
        try
        {
            return OnnxCandidateReranker.Load(settings.RankingModelPath, sessionOptions, settings.RankingCandidates);
        }
        catch (Exception ex) when (ex is InvalidDataException or OnnxRuntimeException or IOException)
        {
            Log.RankingModelRejected(logger, settings.RankingModelPath, ex);
            return null;
        }
    }
}
