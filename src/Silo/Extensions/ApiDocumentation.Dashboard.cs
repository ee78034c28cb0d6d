using AIaaS.Grains.Telemetry;
using AIaaS.Silo.Api;

namespace AIaaS.Silo.Extensions;

/// <summary>The read-only endpoints that the dashboard page at /ui/ polls.</summary>
internal static partial class ApiDocumentation
{
    private const string ActivityExample = """
        {"since":"2026-11-22T09:00:00+00:00","bucketSeconds":5,"eventsTotal":1250,"recommendationsTotal":310,"buckets":[{"start":"2026-11-22T10:00:00+00:00","seconds":5,"events":40,"recommendations":12,"eventsPerSecond":8,"recommendationsPerSecond":2.4,"recommendationP99Ms":3.36}]}
        """;

    private const string TrendingExample = """{"items":[{"itemId":"i9","logScore":3.2},{"itemId":"i1","logScore":2.5}]}""";

    private const string VersionsExample = """
        {"versions":[{"version":3,"trainedAt":"2026-11-22T09:50:00+00:00","users":1200,"items":800,"factors":64,"events":50000,"trainSeconds":1.5,"totalSeconds":2.25}]}
        """;

    public static RouteHandlerBuilder DocumentActivity(this RouteHandlerBuilder builder) => builder
        .WithName("Activity")
        .WithTags(ApiTags.Operations)
        .Describe(
            "This silo's recent events and recommendation requests",
            $"Counted by the silo that answers (not the cluster), from its start: totals, and {RecentActivity.BucketLength.TotalSeconds:0}-second buckets over the last "
            + $"{RecentActivity.Window.TotalMinutes:0} minutes, oldest first, with events/s, recommendations/s and the recommendation p99 in milliseconds "
            + "(the upper bound of a log-spaced bin, at most 19% above the true value; null when none was served). The last bucket is still filling: "
            + "its rates are over the seconds it has run.")
        .ProducesJson<ActivityReport>(StatusCodes.Status200OK, ActivityExample);

    public static RouteHandlerBuilder DocumentTrending(this RouteHandlerBuilder builder) => builder
        .WithName("Trending")
        .WithTags(ApiTags.Recommendations)
        .Describe(
            "The trending items",
            "The cluster's trending list, most popular first, as this silo last received it (once per trending publish interval). logScore is the item's "
            + "time-decayed popularity as a natural logarithm referred to a fixed epoch: only differences between items mean something.")
        .WithQueryParameters(QueryParameter.Integer("count", "How many items to return.", 1, TrendingEndpoint.MaxCount, TrendingEndpoint.DefaultCount))
        .ProducesJson<TrendingResponse>(StatusCodes.Status200OK, TrendingExample)
        .ProducesProblem(StatusCodes.Status400BadRequest);

    public static RouteHandlerBuilder DocumentModelVersions(this RouteHandlerBuilder builder) => builder
        .WithName("ModelVersions")
        .WithTags(ApiTags.Model)
        .Describe(
            "The trained model versions",
            $"Newest first, at most {Grains.Interfaces.IRetrainingGrain.ModelHistoryLength}, each with its size, the events it was trained on, trainSeconds "
            + "(the factorization) and totalSeconds (log read, training, ONNX export). Versions past the model store's retention are listed but no longer stored.")
        .ProducesJson<ModelVersions>(StatusCodes.Status200OK, VersionsExample)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
