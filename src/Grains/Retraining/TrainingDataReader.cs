using System.Diagnostics;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Options;

namespace AIaaS.Grains.Retraining;

/// <summary>
/// Reads every log partition to its end, all partitions at once, adding each page's events to the matrix builder
/// as it arrives, so building overlaps the reading. Given an earlier training's data, it reads only what each
/// partition gained since, unless a partition erased entries in the meantime (its erasure epoch changed): then it
/// starts over from the beginning. Must run on a grain's turn: the page continuations then run one at a time, and
/// the builder sees one caller.
/// </summary>
internal static class TrainingDataReader
{
    /// <returns>The data to train on, the events read this time and the seconds spent adding them to the builder.</returns>
    public static async Task<(TrainingData Data, long Read, double AddSeconds)> ReadAsync(
        IGrainFactory grains, EngineOptions engine, int pageSize, TrainingData? earlier, Action<long> progress)
    {
        if (earlier is not null && earlier.ReadThrough.Length == engine.LogPartitions)
        {
            var (extended, read, addSeconds) = await ReadIntoAsync(grains, engine, pageSize, earlier, extending: true, progress);
            if (extended)
            {
                return (earlier, read, addSeconds);
            }
        }

        var data = new TrainingData(engine.LogPartitions);
        var (_, all, seconds) = await ReadIntoAsync(grains, engine, pageSize, data, extending: false, progress);
        return (data, all, seconds);
    }

    /// <summary>
    /// Reads into <paramref name="data"/> after what it holds. When <paramref name="extending"/> earlier data, false
    /// as soon as a partition's epoch differs from the one the data was read in (the data went stale).
    /// </summary>
    private static async Task<(bool Extended, long Read, double AddSeconds)> ReadIntoAsync(
        IGrainFactory grains, EngineOptions engine, int pageSize, TrainingData data, bool extending, Action<long> progress)
    {
        var stale = false;
        long read = 0, addTicks = 0;

        async Task ReadPartitionAsync(int partition)
        {
            var log = grains.GetGrain<IInteractionLogGrain>(partition);
            long? epoch = extending ? data.Epochs[partition] : null;
            var unchanged = true;
            while (!stale)
            {
                var page = await log.ReadAsync(data.ReadThrough[partition] + 1, pageSize);
                epoch ??= page.ErasureEpoch;
                if (page.ErasureEpoch != epoch)
                {
                    // The events kept so far may hold erased ones: extending is off; a fresh read goes on but is not kept for later.
                    stale = extending;
                    unchanged = false;
                    if (stale) return;
                }

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

            data.Epochs[partition] = unchanged ? epoch ?? 0 : 0;
        }

        await Task.WhenAll(Enumerable.Range(0, engine.LogPartitions).Select(ReadPartitionAsync));
        return (!stale, read, (double)addTicks / Stopwatch.Frequency);
    }
}
