using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Options;

namespace AIaaS.Grains.Retraining;

/// <summary>
/// Reads every log partition to its end, all partitions at once, and returns the pages and the watermark
/// it reached. Turning the events into a matrix is Engine work, done off the grain's turn by the caller.
/// Must run on a grain's turn: the page continuations then run one at a time.
/// </summary>
internal static class TrainingDataReader
{
    public static async Task<(List<ImmutableArray<LoggedEvent>> Pages, long[] Watermark)> ReadAsync(IGrainFactory grains, EngineOptions engine, int pageSize, Action<long> progress)
    {
        var pages = new List<ImmutableArray<LoggedEvent>>();
        var watermark = new long[engine.LogPartitions];
        long read = 0;

        async Task ReadPartitionAsync(int partition)
        {
            var log = grains.GetGrain<IInteractionLogGrain>(partition);
            watermark[partition] = -1;
            var from = 0L;
            while (true)
            {
                var page = await log.ReadAsync(from, pageSize);
                if (page.Events.Length > 0)
                {
                    pages.Add(page.Events);
                    watermark[partition] = page.Events[^1].Sequence;
                }

                read += page.Events.Length;
                progress(read);
                if (page.IsEnd)
                {
                    return;
                }

                from = page.NextSequence;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, engine.LogPartitions).Select(ReadPartitionAsync));
        return (pages, watermark);
    }
}
