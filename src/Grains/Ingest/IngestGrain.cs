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
/// its events, then each item records its updates. Repeats of stored events are delivered to their users too
/// (with the stored sequence), so a user whose apply was cut short by a failure catches up on a retry; users skip
/// what they applied already. Stateless, so every silo runs its own copies.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class IngestGrain(IOptions<EngineOptions> options, EngineMetrics metrics) : Grain, IIngestGrain
{
    private readonly int _partitions = options.Value.LogPartitions;

    public async ValueTask<IngestResult> IngestAsync(ImmutableArray<InteractionEvent> events)
    {
        EventRules.ThrowIfInvalid(EventRules.CheckBatch(events), nameof(events));

        var appends = new List<Task<AppendedEvents>>();
        foreach (var (partition, partitionEvents) in Grouping.By(events, e => LogPartitioner.PartitionOf(e.UserId, _partitions)))
        {
            appends.Add(GrainFactory.GetGrain<IInteractionLogGrain>(partition).AppendAsync(partitionEvents).AsTask());
        }

        var appended = await Task.WhenAll(appends);
        var duplicates = appended.Sum(a => a.Duplicates);
        metrics.EventsIngested(events.Length - duplicates);

        var applies = new List<Task<ImmutableArray<ItemUpdate>>>();
        foreach (var (userId, userEvents) in Grouping.By(appended.SelectMany(a => a.Events), l => l.Event.UserId))
        {
            applies.Add(GrainFactory.ByKey<IUserGrain>(userId).ApplyLoggedAsync(userEvents).AsTask());
        }

        var updates = await Task.WhenAll(applies);
        await ItemUpdates.SendAsync(GrainFactory, updates.SelectMany(u => u));
        return new IngestResult(events.Length - duplicates, duplicates);
    }
}
