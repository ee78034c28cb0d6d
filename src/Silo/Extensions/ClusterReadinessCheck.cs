using AIaaS.Grains.Interfaces;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace AIaaS.Silo.Extensions;

/// <summary>
/// Ready when this silo is an active cluster member and a grain call round-trips. No trained model is
/// expected yet, so the model catalog is not part of readiness.
/// </summary>
internal sealed class ClusterReadinessCheck(ISiloStatusOracle membership, IGrainFactory grains) : IHealthCheck
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
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("A grain call did not complete.", ex);
        }
    }
}
