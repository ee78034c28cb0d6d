using Microsoft.Extensions.Hosting;

namespace AIaaS.Client;

/// <summary>
/// Sends what the tracker holds when the host stops. Registered after the Orleans client, so it stops first,
/// while the client can still reach the cluster.
/// </summary>
internal sealed class EventTrackerLifetime(EventTracker tracker) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => tracker.StopAsync(cancellationToken);
}
