using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Options;
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
    ILogger<TrendingPublisher> logger) : PeriodicRefresher(time)
{
    private readonly EngineOptions _options = options.Value;

    /// <summary>Publishes now; tests and the silo's start-up call it rather than wait for the timer.</summary>
    public Task RefreshAsync() => OneAtATimeAsync(PublishAsync, CancellationToken.None);

    protected override TimeSpan Interval => _options.TrendingPublishInterval;

    protected override Task TickAsync(CancellationToken cancellationToken) => RefreshAsync();

    // The silo may not be active yet, or the trending grain may be moving: the next tick retries.
    protected override void OnTickFailed(Exception exception) => Log.TrendingPublishFailed(logger, exception);

    private async Task PublishAsync()
    {
        var top = accumulator.TakeTop(_options.TrendingSize);
        var merged = await grains.GetGrain<ITrendingGrain>(0).ReportAsync(silo.SiloAddress.ToParsableString(), top);
        cache.Replace(merged);
    }
}
