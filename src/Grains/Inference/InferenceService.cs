using AIaaS.Engine.Inference;
using AIaaS.Engine.Retrieval;
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

    /// <summary>Scores one of the current model's own item rows, building that model's scorer; nothing when no model is loaded.</summary>
    public async Task WarmUpAsync()
    {
        if (catalog.Current?.Snapshot is not { ItemCount: > 0 } model) return;
        await ScoreAsync(new InferenceRequest(model.ItemFactors.AsMemory(0, model.Factors), 1, ReadOnlyMemory<int>.Empty));
    }

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
            var retrieval = new RetrievalPolicy(settings);
            _scorers = new ScorerCache(model => CreateScorer(model, settings.Scorer, retrieval, sessionOptions));
            _reranker = LoadRankingModel(settings, sessionOptions);
            var batching = new BatchingOptions { MaxBatchSize = settings.MaxBatchSize, MaxQueueDelay = settings.MaxQueueDelay, MaxQueuedRequests = settings.MaxQueuedRequests };
            Log.InferenceStarted(logger, $"{settings.Scorer}, retrieval {settings.Retrieval}", settings.ExecutionProvider.ToString(), settings.MaxBatchSize, settings.RankingModelPath ?? "none");
            Volatile.Write(ref _batcher, new InferenceBatcher(batching, _scorers, () => catalog.Current?.Snapshot, _reranker));
            return this;
        }
    }

    private IBatchScorer CreateScorer(Engine.Models.ModelSnapshot model, ScorerKind kind, RetrievalPolicy retrieval, SessionOptions sessionOptions)
    {
        if (retrieval.UsesAnn(model.ItemCount))
        {
            return new AnnBatchScorer(model, IndexOf(model, retrieval), retrieval.Ann);
        }

        return kind switch
        {
            ScorerKind.Onnx => new TiledOnnxBatchScorer(model, sessionOptions),
            ScorerKind.OnnxPrepacked => new TiledOnnxBatchScorer(model, sessionOptions, tiles: OnnxTiles.Prepacked),
            ScorerKind.OnnxUntiled => new OnnxBatchScorer(model, StoredGraphOf(model), sessionOptions),
            _ => new ManagedBatchScorer(model),
        };
    }

    /// <summary>The index published with <paramref name="model"/>; built here, on the scoring loop, only when it was published without one.</summary>
    private ItemIndex IndexOf(Engine.Models.ModelSnapshot model, RetrievalPolicy retrieval)
    {
        if (catalog.Current is { } loaded && ReferenceEquals(loaded.Snapshot, model) && loaded.ItemIndex is { } index) return index;
        Log.ItemIndexBuiltLate(logger, model.Version);
        return retrieval.BuildIndex(model)!;
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
