using AIaaS.Grains.InteractionLog;

namespace AIaaS.Silo.Api;

internal static class StatsEndpoint
{
    public static async Task<IResult> GetAsync(EngineStatsReader stats) => Results.Ok(await stats.ReadAsync());
}
