using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.InteractionLog;
using AIaaS.Grains.Items;
using AIaaS.Grains.Options;
using AIaaS.Grains.Telemetry;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AIaaS.Grains.Ingest;

/// <summary>
/// Takes a batch that spans many users and turns per-event fan-out into per-partition, per-user and
/// per-item calls: the log is appended once per partition (the acknowledgement), then each user applies
/// its events, then each item records its updates. Stateless, so every silo runs its own copies.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class IngestGrain(IOptions<EngineOptions> options, EngineMetrics metrics) : Grain, IIngestGrain
{
    private readonly int _partitions = options.Value.LogPartitions;

    public async ValueTask<int> IngestAsync(ImmutableArray<InteractionEvent> events)
    {
        EventRules.ThrowIfInvalid(EventRules.CheckBatch(events), nameof(events));

        var appends = new List<Task<ImmutableArray<LoggedEvent>>>();
        foreach (var (partition, partitionEvents) in Grouping.By(events, e => LogPartitioner.PartitionOf(e.UserId, _partitions)))
        {
            appends.Add(GrainFactory.GetGrain<IInteractionLogGrain>(partition).AppendAsync(partitionEvents).AsTask());
        }

        var logged = (await Task.WhenAll(appends)).SelectMany(page => page);
        metrics.EventsIngested(events.Length);

        var applies = new List<Task<ImmutableArray<ItemUpdate>>>();
        foreach (var (userId, userEvents) in Grouping.By(logged, l => l.Event.UserId))
        {
            applies.Add(GrainFactory.GetGrain<IUserGrain>(userId).ApplyLoggedAsync(userEvents).AsTask());
        }

        var updates = await Task.WhenAll(applies);
        await ItemUpdates.SendAsync(GrainFactory, updates.SelectMany(u => u));
        return events.Length;
    }
}
