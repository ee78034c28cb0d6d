using AIaaS.Engine.Models;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Options;

namespace AIaaS.Grains.Retraining;

/// <summary>Reads every log partition to its end and collects the weighted interactions; returns the watermark it reached.</summary>
internal static class TrainingDataReader
{
    public static async Task<long[]> ReadAsync(IGrainFactory grains, EngineOptions engine, int pageSize, InteractionMatrixBuilder builder, Action<long> progress)
    {
        var watermark = new long[engine.LogPartitions];
        long read = 0;
        for (var p = 0; p < engine.LogPartitions; p++)
        {
            var log = grains.GetGrain<IInteractionLogGrain>(p);
            watermark[p] = -1;
            var from = 0L;
            while (true)
            {
                var page = await log.ReadAsync(from, pageSize);
                foreach (var logged in page.Events)
                {
                    builder.Add(logged.Event.UserId, logged.Event.ItemId, (float)engine.WeightOf(logged.Event));
                    watermark[p] = logged.Sequence;
                }

                read += page.Events.Length;
                progress(read);
                if (page.IsEnd)
                {
                    break;
                }

                from = page.NextSequence;
            }
        }

        return watermark;
    }
}
