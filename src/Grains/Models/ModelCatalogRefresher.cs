using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Options;
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
    ILogger<ModelCatalogRefresher> logger) : PeriodicRefresher(time)
{
    /// <summary>Loads the current model now if this silo does not have it; returns the version served.</summary>
    public Task<long> RefreshAsync(CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(() => LoadCurrentAsync(cancellationToken), cancellationToken);

    protected override TimeSpan Interval => options.Value.ModelRefreshInterval;

    protected override Task TickAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken);

    protected override void OnTickFailed(Exception exception) => Log.ModelRefreshFailed(logger, exception);

    private async Task<long> LoadCurrentAsync(CancellationToken cancellationToken)
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
}
