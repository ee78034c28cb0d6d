using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>
/// Input an attacker or a broken client sends, on TestServer and on Kestrel: never a 5xx; a problem document where it
/// is bad, and then nothing changed; what is odd but valid round-trips; the silo stays ready either way.
/// </summary>
public abstract class HostileInputTests(SiloFactory factory)
{
    private const string Good = """{"userId":"u","itemId":"i","type":"play"}""";

    protected HttpClient Http { get; } = factory.CreateClient();

    public static TheoryData<string, string, string?, int, string> BadBodies()
    {
        var deepArrays = new string('[', 10_000) + new string(']', 10_000);
        var deepObjects = string.Concat(Enumerable.Repeat("""{"x":""", 10_000)) + "1" + new string('}', 10_000);
        return new()
        {
            { "/v1/events", deepArrays, "application/json", 400, "JSON" },
            { "/v1/events", $$"""{"events":[{{Good}}],"extra":{{deepObjects}}}""", "application/json", 400, "depth" },
            { "/v1/events", $$"""{"events":[{"userId":"u","itemId":"i","type":"play","value":{{deepArrays}}}]}""", "application/json", 400, "JSON" },
            { "/v1/events", $"[{Good}]", "application/json", 400, "JSON" },
            { "/v1/events", $$"""{"events":{{Good}}}""", "application/json", 400, "JSON" },
            { "/v1/events", """{"events":[null]}""", "application/json", 400, "events[0] must be an object" },
            { "/v1/events", """{"events":null}""", "application/json", 400, "at least one event" },
            { "/v1/events", "null", "application/json", 400, "must be a JSON object" },
            { "/v1/events", "", "application/json", 400, "JSON" },
            { "/v1/events", "   ", "application/json", 400, "JSON" },
            { "/v1/events", """{"events":[{"userId":5,"itemId":"i","type":"play"}]}""", "application/json", 400, "JSON" },
            { "/v1/events", """{"events":[{"userId":"u","itemId":"i","type":1}]}""", "application/json", 400, "JSON" },
            { "/v1/events", """{"events":[{"userId":"   ","itemId":"i","type":"play"}]}""", "application/json", 400, "userId" },
            { "/v1/events", """{"events":[{"userId":"u","itemId":"i","type":"rating","value":"four"}]}""", "application/json", 400, "JSON" },
            { "/v1/events", """{"events":[{"userId":"u","itemId":"i","type":"play","value":1e39}]}""", "application/json", 400, "value" },
            { "/v1/events", """{"events":[{"userId":"u","itemId":"i","type":"play","timestamp":"10000-01-01T00:00:00Z"}]}""", "application/json", 400, "JSON" },
            { "/v1/events", """{"events":[{"userId":"u","itemId":"i","type":"play","timestamp":"2026-13-45T00:00:00Z"}]}""", "application/json", 400, "JSON" },
            { "/v1/events", """{"events":[{"userId":"u","itemId":"i","type":"play","timestamp":"9999-12-31T23:59:59-14:00"}]}""", "application/json", 400, "timestamp" },
            { "/v1/events", $$"""{"events":[{{Good}}]} trailing""", "application/json", 400, "JSON" },
            { "/v1/events", """{"events":[{"userId":"u\ud800","itemId":"i","type":"play"}]}""", "application/json", 400, "JSON" },
            { "/v1/events", $$"""{"events":[{{Good}}]}""", "text/plain", 415, "application/json" },
            { "/v1/events", $$"""{"events":[{{Good}}]}""", "application/x-www-form-urlencoded", 415, "application/json" },
            { "/v1/events", $$"""{"events":[{{Good}}]}""", null, 415, "application/json" },
            { "/v1/items/hostile-item", deepArrays, "application/json", 400, "JSON" },
            { "/v1/items/hostile-item", """{"title":"x","tags":"sport"}""", "application/json", 400, "JSON" },
            { "/v1/items/hostile-item", """{"title":"x"}""", "text/plain", 415, "application/json" },
        };
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Send_HostileBody_AnswersProblemAndChangesNothing(string path, string body, string? contentType, int status, string expectedInDetail)
    {
        var before = await StatsAsync();
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(path.StartsWith("/v1/items", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Post, path) { Content = content };

        using var response = await Http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(expectedInDetail, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await StatsAsync());
        await AssertReadyAsync();
    }

    [Fact]
    public async Task PostEvents_InvalidUtf8_Returns400ProblemAndChangesNothing()
    {
        var before = await StatsAsync();
        var bytes = Encoding.UTF8.GetBytes("""{"events":[{"userId":"u-XX","itemId":"i","type":"play"}]}""");
        var at = Array.IndexOf(bytes, (byte)'X');
        (bytes[at], bytes[at + 1]) = (0xC3, 0x28);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Http.PostAsync("/v1/events", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The request body is not valid JSON", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StatsAsync());
        await AssertReadyAsync();
    }

    public static TheoryData<string, string> OddButValidIds() => new()
    {
        { "control characters", "u\u0001\u001f\t\r\n\u007f-" },
        { "unicode", "ユーザー😀é\u0301\u200d\u202e-" },
        { "url syntax", "a b+c%41?#&=;-" },
    };

    [Theory]
    [MemberData(nameof(OddButValidIds))]
    public async Task PostEvents_OddButValidIds_RoundTripThroughGetUser(string kind, string prefix)
    {
        var (user, item) = (prefix + Guid.NewGuid().ToString("N"), prefix + "item-" + Guid.NewGuid().ToString("N"));

        using var posted = await Http.PostAsync("/v1/events", Json.Body(Json.Events((user, item, "play"))));

        Assert.True(posted.StatusCode == HttpStatusCode.Accepted, $"{kind}: {(int)posted.StatusCode}");
        var profile = await GetUserAsync(user);
        Assert.Equal(user, profile.GetProperty("userId").GetString());
        var history = profile.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(item, Assert.Single(history).GetProperty("itemId").GetString());
        using var similar = await Http.GetAsync($"/v1/items/{Uri.EscapeDataString(item)}/similar");
        Assert.Equal(HttpStatusCode.OK, similar.StatusCode);
        await AssertReadyAsync();
    }

    public static TheoryData<string, string, string> OddButValidEvents() => new()
    {
        { "a number as a string", """ "type":"rating","value":"4" """, "value" },
        { "year 1", """ "type":"play","timestamp":"0001-01-01T00:00:00Z" """, "timestamp" },
        { "year 9999", """ "type":"play","timestamp":"9999-12-31T23:59:59.9999999Z" """, "timestamp" },
        { "year 9999 with an offset", """ "type":"like","timestamp":"9999-12-31T23:59:59.9999999+00:00" """, "timestamp" },
    };

    [Theory]
    [MemberData(nameof(OddButValidEvents))]
    public async Task PostEvents_OddButValidEvent_IsKeptAsSent(string kind, string fields, string field)
    {
        var (user, item) = (Json.NewId("u"), Json.NewId("i"));
        var sent = JsonDocument.Parse($$"""{ {{fields}} }""").RootElement.GetProperty(field);

        using var posted = await Http.PostAsync("/v1/events", Json.Body($$"""{"events":[{"userId":"{{user}}","itemId":"{{item}}",{{fields}}}]}"""));

        Assert.True(posted.StatusCode == HttpStatusCode.Accepted, $"{kind}: {(int)posted.StatusCode}");
        var kept = Assert.Single((await GetUserAsync(user)).GetProperty("history").EnumerateArray()).GetProperty(field);
        if (field == "timestamp")
        {
            Assert.Equal(sent.GetDateTimeOffset(), kept.GetDateTimeOffset());
        }
        else
        {
            Assert.Equal(float.Parse(sent.GetString()!, System.Globalization.CultureInfo.InvariantCulture), kept.GetSingle());
        }

        foreach (var path in new[] { $"/v1/users/{user}/recommendations", $"/v1/items/{item}/similar", "/v1/stats", "/v1/model" })
        {
            using var response = await Http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        }

        await AssertReadyAsync();
    }

    protected async Task AssertReadyAsync()
    {
        using var ready = await Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private async Task<JsonElement> GetUserAsync(string user)
    {
        using var response = await Http.GetAsync($"/v1/users/{Uri.EscapeDataString(user)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync(response);
    }

    private async Task<string> StatsAsync() => (await Json.ReadAsync(await Http.GetAsync("/v1/stats"))).GetRawText();
}
