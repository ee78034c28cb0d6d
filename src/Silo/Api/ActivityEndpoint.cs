using AIaaS.Grains.Telemetry;

namespace AIaaS.Silo.Api;

/// <summary>This silo's recent events and recommendation requests, for the dashboard's plot.</summary>
internal static class ActivityEndpoint
{
    public static IResult Get(RecentActivity activity) => Results.Ok(activity.Read());
}
