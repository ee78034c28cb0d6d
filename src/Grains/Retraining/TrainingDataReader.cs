using AIaaS.Engine.Models;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Options;

namespace AIaaS.Grains.Retraining;

/// <summary>
/// Reads every log partition to its end, all partitions at once, and collects the weighted interactions;
/// returns the watermark it reached. Must run on a grain's turn: the page continuations then add to the
/// builder one at a time.
/// </summary>
internal static class TrainingDataReader
{
    public static async Task<long[]> ReadAsync(IGrainFactory grains, EngineOptions engine, int pageSize, InteractionMatrixBuilder builder, Action<long> progress)
    {
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
                foreach (var logged in page.Events)
                {
                    builder.Add(logged.Event.UserId, logged.Event.ItemId, (float)engine.WeightOf(logged.Event));
                    watermark[partition] = logged.Sequence;
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
        return watermark;
    }
}
