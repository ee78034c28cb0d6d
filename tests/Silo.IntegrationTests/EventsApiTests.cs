using System.Net;
using System.Text.Json;

namespace AIaaS.Silo.IntegrationTests;

[Collection(SiloCollection.Name)]
public sealed class EventsApiTests(SiloFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    public static TheoryData<string, string> BadBodies()
    {
        var good = """{"userId":"ok-user","itemId":"ok-item","type":"play"}""";
        var longId = new string('x', 257);
        var tooMany = string.Join(",", Enumerable.Repeat(good, 10_001));
        return new()
        {
            { $$"""{"events":[{{good}},{"userId":"","itemId":"i","type":"play"}]}""", "userId" },
            { $$"""{"events":[{{good}},{"userId":"u","itemId":"{{longId}}","type":"play"}]}""", "itemId" },
            { $$"""{"events":[{{good}},{"userId":"u","itemId":"i","type":"teleport"}]}""", "type" },
            { $$"""{"events":[{{good}},{"userId":"u","itemId":"i","type":"rating","value":6}]}""", "rating" },
            { $$"""{"events":[{{good}},{"userId":"u","itemId":"i","type":"rating","value":0.5}]}""", "rating" },
            { $$"""{"events":[{{good}},{"userId":"u","itemId":"i","type":"play","value":NaN}]}""", "JSON" },
            { $$"""{"events":[{{good}},{"userId":"u","itemId":"i","type":"play","value":"Infinity"}]}""", "finite" },
            { $$"""{"events":[{{tooMany}}]}""", "10000" },
            { """{"events":[]}""", "at least one" },
            { """{}""", "at least one" },
            { """{"events":[{"userId":"u",""", "JSON" },
            { """not json""", "JSON" },
        };
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task PostEvents_BadInput_Returns400ProblemAndAppliesNothing(string body, string expectedInDetail)
    {
        var before = await StatsAsync();

        using var response = await _http.PostAsync("/v1/events", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(expectedInDetail, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await StatsAsync());
    }

    [Fact]
    public async Task PostEvents_ValidBatch_Returns202AndCountsThem()
    {
        var before = await StatsAsync();
        var (a, b) = (Json.NewId("u"), Json.NewId("u"));
        var item = Json.NewId("i");

        using var response = await _http.PostAsync("/v1/events", Json.Body(Json.Events((a, item, "play"), (b, item, "like"), (a, Json.NewId("i"), "purchase"))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, (await Json.ReadAsync(response)).GetProperty("accepted").GetInt32());
        var after = await StatsAsync();
        Assert.Equal((before.Events + 3, before.Users + 2, before.Items + 2), after);
    }

    [Fact]
    public async Task PostEvents_RatingWithTimestamp_Accepted()
    {
        var body = """{"events":[{"userId":"rater","itemId":"film","type":"rating","value":4.5,"timestamp":"2026-11-22T10:00:00Z"}]}""";

        using var response = await _http.PostAsync("/v1/events", Json.Body(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<(long Events, long Users, long Items)> StatsAsync()
    {
        var stats = await Json.ReadAsync(await _http.GetAsync("/v1/stats"));
        return (stats.GetProperty("events").GetInt64(), stats.GetProperty("users").GetInt64(), stats.GetProperty("items").GetInt64());
    }
}
