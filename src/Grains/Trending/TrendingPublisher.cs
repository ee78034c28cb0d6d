using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace AIaaS.Grains.Trending;

/// <summary>
/// Once per interval: sends this silo's top items to the trending grain and stores the merged list it
/// returns in the local cache, so a recommendation request costs no call for trending items.
/// </summary>
public sealed class TrendingPublisher(
    TrendingAccumulator accumulator,
    TrendingCache cache,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<TrendingPublisher> logger) : BackgroundService
{
    private readonly EngineOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Publishes now; tests and the silo's start-up call it rather than wait for the timer.</summary>
    public async Task RefreshAsync()
    {
        await _gate.WaitAsync();
        try
        {
            var top = accumulator.TakeTop(_options.TrendingSize);
            var merged = await grains.GetGrain<ITrendingGrain>(0).ReportAsync(silo.SiloAddress.ToParsableString(), top);
            cache.Replace(merged);
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
        using var timer = new PeriodicTimer(_options.TrendingPublishInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The silo may not be active yet, or the trending grain may be moving: the next tick retries.
                Log.TrendingPublishFailed(logger, ex);
            }
        }
    }
}
