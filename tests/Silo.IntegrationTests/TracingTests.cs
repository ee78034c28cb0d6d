using System.Diagnostics;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>Spans a traced silo records for one request, as an OTLP exporter would receive them.</summary>
[Collection(TracingSiloCollection.Name)]
public sealed class TracingTests(TracingSiloFactory factory) : IDisposable
{
    private readonly HttpClient _http = factory.CreateClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task GetRecommendations_TracingConfigured_HttpSpanAndGrainCallSpansShareOneTrace()
    {
        var caller = ActivityTraceId.CreateRandom();

        using var response = await _http.SendAsync(Traced(caller, $"/v1/users/{Json.NewId("traced")}/recommendations"));
        response.EnsureSuccessStatusCode();
        var request = await factory.Recorder.WaitForAsync(span => span.Source.Name == "Microsoft.AspNetCore" && span.TraceId == caller);

        var grainCalls = factory.Recorder.Spans
            .Where(span => span.TraceId == request.TraceId && span.Source.Name == "Microsoft.Orleans.Application")
            .ToList();
        Assert.Contains(grainCalls, span => span.Kind == ActivityKind.Client && span.ParentSpanId == request.SpanId);
        Assert.Contains(grainCalls, span => span.Kind == ActivityKind.Server && span.DisplayName.Contains("IUserGrain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostEventsThenRecommend_TracingConfigured_NoSpanNamesTheUser()
    {
        var user = Json.NewId("private");

        (await _http.PostAsync("/v1/events", Json.Body(Json.Events((user, Json.NewId("item"), "play"))))).EnsureSuccessStatusCode();
        var caller = ActivityTraceId.CreateRandom();
        (await _http.SendAsync(Traced(caller, $"/v1/users/{user}/recommendations"))).EnsureSuccessStatusCode();
        var request = await factory.Recorder.WaitForAsync(span => span.Source.Name == "Microsoft.AspNetCore" && span.TraceId == caller);

        var spans = factory.Recorder.Spans;
        Assert.Contains(spans, span => span.TraceId == request.TraceId && span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
        Assert.All(spans, span =>
        {
            Assert.DoesNotContain(user, span.DisplayName, StringComparison.Ordinal);
            Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString()?.Contains(user, StringComparison.Ordinal) == true);
        });
    }

    /// <summary>A GET that continues the caller's trace <paramref name="traceId"/>, as a platform's own HTTP client sends it.</summary>
    private static HttpRequestMessage Traced(ActivityTraceId traceId, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        return request;
    }
}
