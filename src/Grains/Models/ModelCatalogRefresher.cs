using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Models;

/// <summary>
/// Keeps this silo's catalog on the cluster's current model: asks the retraining grain for the version
/// once per interval (one small call per silo) and loads a newer snapshot from storage when there is one;
/// also refreshes the catalog delta (new items' vectors, live windows) when it changed.
/// </summary>
public sealed class ModelCatalogRefresher(
    ModelCatalog catalog,
    CatalogDeltaCache delta,
    ModelStore store,
    IGrainFactory grains,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<ModelCatalogRefresher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Loads the current model now if this silo does not have it; returns the version served.</summary>
    public async Task<long> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var version = await grains.GetGrain<IRetrainingGrain>(0).GetCurrentVersionAsync();
            if (version > 0 && catalog.Current?.Version != version)
            {
                var snapshot = await store.LoadAsync(version, cancellationToken);
                catalog.Publish(new LoadedModel(snapshot));
                Log.ModelLoaded(logger, version, snapshot.ItemCount);
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
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ModelRefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ModelRefreshFailed(logger, ex);
            }
        }
    }
}
