using AIaaS.Engine.Onnx;
using AIaaS.Grains.Inference;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Options;
using AIaaS.Grains.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Models;

/// <summary>
/// Keeps this silo's catalog on the cluster's current model. It watches the retraining grain, which tells it of
/// each new version as soon as it is current, and loads that snapshot from storage; once per interval it renews
/// the watch, which also returns the current version, so a lost notification costs at most one interval. It
/// refreshes the catalog delta (new items' vectors, live windows) on the same interval.
/// </summary>
public sealed class ModelCatalogRefresher(
    ModelCatalog catalog,
    CatalogDeltaCache delta,
    IModelStore store,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<EngineOptions> options,
    IOptions<InferenceOptions> inference,
    InferenceService scoring,
    TimeProvider time,
    ILogger<ModelCatalogRefresher> logger) : PeriodicRefresher(time), IModelObserver
{
    private IModelObserver? _reference;

    /// <summary>Loads the current model now if this silo does not have it; returns the version served.</summary>
    public Task<long> RefreshAsync(CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(() => LoadCurrentAsync(cancellationToken), cancellationToken);

    /// <summary>Called by the retraining grain (one-way) when <paramref name="version"/> becomes current.</summary>
    public Task ModelPublished(long version)
    {
        if (catalog.Current?.Version >= version)
        {
            return Task.CompletedTask;
        }

        // Off the notification's turn: loading a large snapshot takes a while and must not hold up the caller.
        _ = Task.Run(async () =>
        {
            try
            {
                await RefreshAsync(lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.NotifiedRefreshFailed(logger, version, ex);
            }
        });
        return Task.CompletedTask;
    }

    protected override TimeSpan Interval => options.Value.ModelRefreshInterval;

    /// <summary>Watches from the start rather than from the first tick; the silo must be up first, so this waits until the host is.</summary>
    protected override async Task<bool> TickAtStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        return true;
    }

    protected override Task TickAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken);

    protected override void OnTickFailed(Exception exception) => Log.ModelRefreshFailed(logger, exception);

    /// <summary>
    /// The model's HNSW index when its retrieval setting asks for one, ready before the model is published, off any
    /// grain turn: the index stored with the version when there is one that fits, else built here from the factors.
    /// </summary>
    private async Task<Engine.Retrieval.ItemIndex?> IndexOfAsync(StoredModel stored, CancellationToken cancellationToken)
    {
        var snapshot = stored.Snapshot;
        var policy = new RetrievalPolicy(inference.Value);
        if (!policy.UsesAnn(snapshot.ItemCount)) return null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp(); // real time, whatever clock the refresher ticks on
        if (stored.ItemIndexBytes is { } bytes)
        {
            try
            {
                var loaded = await Task.Run(() => policy.LoadIndex(bytes, snapshot), cancellationToken);
                Log.ItemIndexLoaded(logger, snapshot.Version, loaded.Items, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
                return loaded;
            }
            catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
            {
                Log.StoredItemIndexRejected(logger, snapshot.Version, ex);
                started = System.Diagnostics.Stopwatch.GetTimestamp();
            }
        }

        var index = await Task.Run(() => policy.BuildIndex(snapshot), cancellationToken);
        Log.ItemIndexBuilt(logger, snapshot.Version, snapshot.ItemCount, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return index;
    }

    private async Task<long> LoadCurrentAsync(CancellationToken cancellationToken)
    {
        // Created on first use, outside any grain's context, which object references require; kept for the silo's life.
        _reference ??= grains.CreateObjectReference<IModelObserver>(this);
        var version = await grains.GetGrain<IRetrainingGrain>(0).WatchAsync(_reference);
        if (version > 0 && catalog.Current?.Version != version)
        {
            var stored = await store.LoadAsync(version, cancellationToken);
            var graph = stored.ScoringGraph;
            if (graph is not null && !OnnxScoringGraph.IsGraphOf(graph, stored.Snapshot))
            {
                Log.StoredGraphRejected(logger, version);
                graph = null;
            }

            catalog.Publish(new LoadedModel(stored.Snapshot, graph, await IndexOfAsync(stored, cancellationToken)));
            Log.ModelLoaded(logger, version, stored.Snapshot.ItemCount, graph is null ? "ONNX graph exported on this silo" : "stored ONNX graph");
            await WarmUpAsync(version);
        }
        else
        {
            catalog.MarkSynchronized();
        }

        if (await grains.GetGrain<ICatalogDeltaGrain>(0).GetIfChangedAsync(delta.Revision) is { } changed)
        {
            delta.Replace(changed);
        }

        return catalog.Current?.Version ?? 0;
    }

    /// <summary>
    /// Scores once against the model just published, so that its scorer (an ONNX Runtime session and its tiles) is
    /// built and the scoring path jitted before readiness, which waits for this, rather than while the first user's
    /// request after a restart or a new model waits for it.
    /// </summary>
    private async Task WarmUpAsync(long version)
    {
        try
        {
            await scoring.WarmUpAsync();
        }
#pragma warning disable CA1031 // A failed warm-up leaves the model served as before: the first request builds the scorer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.WarmUpFailed(logger, version, ex);
        }
    }
}
