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
        var partitions = options.Value.LogPartitions;
        var reads = new Task<LogPartitionStats>[partitions];
        for (var p = 0; p < partitions; p++)
        {
            reads[p] = grains.GetGrain<IInteractionLogGrain>(p).GetStatsAsync().AsTask();
        }

        var all = await Task.WhenAll(reads);
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
    public async Task<long> CountEventsAsync()
    {
        var partitions = options.Value.LogPartitions;
        var counts = new Task<long>[partitions];
        for (var p = 0; p < partitions; p++)
        {
            counts[p] = grains.GetGrain<IInteractionLogGrain>(p).GetEventCountAsync().AsTask();
        }

        return (await Task.WhenAll(counts)).Sum();
    }
}
