using AIaaS.Grains.Interfaces;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using AIaaS.Grains.Catalog;
using AIaaS.Grains.Models;
using AIaaS.Silo.Serving;
using Orleans.Runtime;

namespace AIaaS.Silo.Extensions;

/// <summary>
/// Ready when this silo is an active cluster member, a grain call round-trips, the model catalog has
/// caught up with the cluster's current model (or knows that none has been trained), and the item catalog has been
/// read once (until then a hidden or deleted item could be recommended), and the serving path is warm
/// (<see cref="ServingWarmUp"/>, bounded by AIaaS:Api:WarmUpSeconds).
/// </summary>
internal sealed class ClusterReadinessCheck(
    ISiloStatusOracle membership, IGrainFactory grains, ModelCatalogRefresher models, ItemCatalog items, ItemCatalogRefresher itemChanges,
    ServingWarmUp warmUp) : IHealthCheck
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (membership.CurrentStatus != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"Silo status is {membership.CurrentStatus}.");
        }

        try
        {
            await grains.GetGrain<ITrendingGrain>(0).GetTopAsync().AsTask().WaitAsync(CallTimeout, cancellationToken);
            var version = await models.RefreshAsync(cancellationToken).WaitAsync(CallTimeout, cancellationToken);
            if (!items.IsLoaded)
            {
                await itemChanges.RefreshAsync(cancellationToken).WaitAsync(CallTimeout, cancellationToken);
            }

            if (!warmUp.IsComplete)
            {
                return HealthCheckResult.Unhealthy("Warming up the serving path (AIaaS:Api:WarmUpSeconds).");
            }

            return HealthCheckResult.Healthy(version > 0 ? $"Serving model version {version}." : "No model trained yet.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("A grain call did not complete.", ex);
        }
    }
}
