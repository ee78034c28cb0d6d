using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.InteractionLog;

/// <summary>Counts acknowledged events, users and items by asking every log partition.</summary>
public sealed class EngineStatsReader(IGrainFactory grains, IOptions<EngineOptions> options)
{
    public async Task<EngineStats> ReadAsync()
    {
        var all = await EveryPartitionAsync(log => log.GetStatsAsync());
        long events = 0, users = 0;
        var items = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stats in all)
        {
            events += stats.Events;
            users += stats.Users;
            items.UnionWith(stats.Items);
        }

        return new EngineStats(events, users, items.Count);
    }

    /// <summary>Acknowledged events only: what the retraining threshold needs, without gathering every item id.</summary>
    public async Task<long> CountEventsAsync() => (await EveryPartitionAsync(log => log.GetEventCountAsync())).Sum();

    /// <summary>Asks every log partition at once.</summary>
    private Task<T[]> EveryPartitionAsync<T>(Func<IInteractionLogGrain, ValueTask<T>> ask) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.LogPartitions).Select(p => ask(grains.GetGrain<IInteractionLogGrain>(p)).AsTask()));
}
