using AIaaS.Grains.Storage;

namespace AIaaS.Silo.Security;

/// <summary>Stores the keys' last-used times every <see cref="Interval"/> and once more when the silo stops.</summary>
internal sealed partial class ApiKeyUsageFlusher(ApiKeyUsage usage, IApiKeyStore store, ILogger<ApiKeyUsageFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await FlushAsync(CancellationToken.None);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var uses = usage.Drain();
        if (uses.Count == 0)
        {
            return;
        }

        try
        {
            await store.RecordUsesAsync(uses, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A last-used time is bookkeeping: it waits for the next flush rather than failing anything.
            usage.Restore(uses);
            LogFlushFailed(ex, uses.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the last-used times of {Count} API keys; will retry")]
    private partial void LogFlushFailed(Exception exception, int count);
}
