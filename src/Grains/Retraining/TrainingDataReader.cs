using System.Diagnostics;
using AIaaS.Grains.Options;
using AIaaS.Grains.Storage;

namespace AIaaS.Grains.Retraining;

/// <summary>
/// Brings training data up to the log's end: it drops the users erased since the data was read (from the store's
/// erasure records, without re-reading anything), and reads what every partition gained since, all
/// partitions at once, straight from the log store, adding each page to the matrix builder as it arrives.
/// Must run on a grain's turn: the page continuations then run one at a time, and the builder sees one caller.
/// </summary>
internal static class TrainingDataReader
{
    /// <returns>The events read this time and the seconds spent adding them to the builder.</returns>
    public static async Task<(long Read, double AddSeconds)> ExtendAsync(
        IInteractionLogStore log, EngineOptions engine, int pageSize, TrainingData data, Action<long> progress, CancellationToken cancellationToken)
    {
        // Erasures first: an erased user's events are already out of the log, so none of them is read below, and a
        // user who came back after the erasure keeps the new events. Again after the read, for erasures during it.
        await DropErasedAsync(log, data, cancellationToken);
        long read = 0, addTicks = 0;

        async Task ReadPartitionAsync(int partition)
        {
            while (true)
            {
                var page = await log.ReadAsync(partition, data.ReadThrough[partition], pageSize, cancellationToken);
                var started = Stopwatch.GetTimestamp();
                foreach (var logged in page.Events)
                {
                    data.Builder.Add(logged.Event.UserId, logged.Event.ItemId, (float)engine.WeightOf(logged.Event));
                }

                addTicks += Stopwatch.GetTimestamp() - started;
                if (page.Events.Length > 0)
                {
                    data.ReadThrough[partition] = page.Events[^1].Sequence;
                }

                read += page.Events.Length;
                progress(read);
                if (page.IsEnd)
                {
                    break;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, engine.LogPartitions).Select(ReadPartitionAsync));
        await DropErasedAsync(log, data, cancellationToken);
        return (read, (double)addTicks / Stopwatch.Frequency);
    }

    private static async Task DropErasedAsync(IInteractionLogStore log, TrainingData data, CancellationToken cancellationToken)
    {
        foreach (var erasure in await log.ReadErasuresAsync(data.ErasedThrough, cancellationToken))
        {
            data.Builder.RemoveUser(erasure.UserId);
            data.ErasedThrough = erasure.Id;
        }
    }
}
