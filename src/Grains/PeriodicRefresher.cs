using Microsoft.Extensions.Hosting;

namespace AIaaS.Grains;

/// <summary>
/// A per-silo refresh that runs once per interval and can also be run on demand (start-up, readiness, tests);
/// runs never overlap, and a failed tick is reported and retried at the next one.
/// </summary>
public abstract class PeriodicRefresher(TimeProvider time) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected abstract TimeSpan Interval { get; }

    /// <summary>What one tick does.</summary>
    protected abstract Task TickAsync(CancellationToken cancellationToken);

    /// <summary>A tick failed; the next one retries.</summary>
    protected abstract void OnTickFailed(Exception exception);

    /// <summary>Waits for what a first tick needs; true runs one at once rather than after the first interval.</summary>
    protected virtual Task<bool> TickAtStartAsync(CancellationToken stoppingToken) => Task.FromResult(false);

    /// <summary>Runs <paramref name="work"/> with no other refresh of this service in flight.</summary>
    protected async Task<T> OneAtATimeAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> with no other refresh of this service in flight.</summary>
    protected Task OneAtATimeAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return OneAtATimeAsync(async () =>
        {
            await work();
            return 0;
        }, cancellationToken);
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await TickAtStartAsync(stoppingToken))
        {
            await TickReportingFailureAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TickReportingFailureAsync(stoppingToken);
        }
    }

    private async Task TickReportingFailureAsync(CancellationToken stoppingToken)
    {
        try
        {
            await TickAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OnTickFailed(ex);
        }
    }
}
