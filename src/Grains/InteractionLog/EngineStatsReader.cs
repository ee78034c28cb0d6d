using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;

namespace AIaaS.Grains.InteractionLog;

/// <summary>Counts acknowledged events, users and items from the log store's count tables.</summary>
public sealed class EngineStatsReader(IInteractionLogStore log)
{
    public async Task<EngineStats> ReadAsync()
    {
        var totals = await log.CountAsync(CancellationToken.None);
        return new EngineStats(totals.Events, totals.Users, totals.Items);
    }

    /// <summary>Acknowledged events only: what the retraining threshold needs.</summary>
    public Task<long> CountEventsAsync() => log.CountEventsAsync(CancellationToken.None);
}
