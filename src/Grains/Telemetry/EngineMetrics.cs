using System.Diagnostics.Metrics;

namespace AIaaS.Grains.Telemetry;

/// <summary>
/// The engine's instruments, on the one meter <see cref="MeterName"/>. Never tagged with ids. What they record also
/// feeds this silo's <see cref="RecentActivity"/>, which the dashboard reads.
/// </summary>
public sealed class EngineMetrics
{
    public const string MeterName = "AIaaS";
    public const string EventsIngestedName = "aiaas.events.ingested";
    public const string RecommendationRequestsName = "aiaas.recommendations.requests";
    public const string RecommendationDurationName = "aiaas.recommendations.duration";
    public const string SourceTag = "source";

    private readonly Counter<long> _eventsIngested;
    private readonly Counter<long> _recommendationRequests;
    private readonly Histogram<double> _recommendationDuration;
    private readonly RecentActivity _recent;

    public EngineMetrics(IMeterFactory meterFactory, RecentActivity recent)
    {
        _recent = recent;
        var meter = meterFactory.Create(MeterName);
        _eventsIngested = meter.CreateCounter<long>(EventsIngestedName, "{event}", "Events acknowledged into the interaction log");
        _recommendationRequests = meter.CreateCounter<long>(RecommendationRequestsName, "{request}", "Recommendation requests served");
        _recommendationDuration = meter.CreateHistogram<double>(RecommendationDurationName, "ms", "Time to compute a user's recommendations inside the user grain");
    }

    public void EventsIngested(int count)
    {
        _eventsIngested.Add(count);
        _recent.EventsIngested(count);
    }

    public void RecommendationServed(string source, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>(SourceTag, source);
        _recommendationRequests.Add(1, tag);
        _recommendationDuration.Record(elapsed.TotalMilliseconds, tag);
        _recent.RecommendationServed(elapsed);
    }
}
