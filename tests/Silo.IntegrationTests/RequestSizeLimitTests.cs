using System.Net;
using System.Text;
using System.Text.Json;
using AIaaS.Grains.Interfaces;
using AIaaS.Silo.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>The body size limit, run on TestServer and on Kestrel: TestServer enforces none of Kestrel's limits, so the API must enforce its own.</summary>
public abstract class RequestSizeLimitTests(SiloFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    private long Limit => factory.Services.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;

    [Fact]
    public async Task PostEvents_ContentLengthOverLimit_Returns413ProblemNamingTheLimit()
    {
        await AssertTooLargeAsync(new LargeBody(Limit + 1, chunked: false));
    }

    [Fact]
    public async Task PostEvents_ChunkedBodyOverLimit_Returns413ProblemNamingTheLimit()
    {
        await AssertTooLargeAsync(new LargeBody(Limit + 1, chunked: true));
    }

    [Fact]
    public async Task PostEvents_MaximalBatch_IsReadWholeUnderTheDefaultLimit()
    {
        // Ids at their longest, in a script the default encoder escapes as \uXXXX: the costliest valid events. The
        // last one has an unknown type (as long as "purchase"), so the rules answer once the whole body is read and
        // the test does not wait for 10,000 events to be ingested.
        var id = new string('é', EventRules.MaxIdLength);
        var maximal = new { userId = id, itemId = id, type = "purchase", value = float.MinValue, timestamp = DateTimeOffset.MaxValue, eventId = id[..EventRules.MaxEventIdLength] };
        var events = Enumerable.Repeat(maximal, EventRules.MaxBatchSize - 1).Append(maximal with { type = "teleport" });
        var body = JsonSerializer.Serialize(new { events });
        var before = await StatsAsync();

        using var response = await _http.PostAsync("/v1/events", Json.Body(body));

        Assert.Equal(ApiOptions.DefaultMaxRequestBodyBytes, Limit);
        Assert.InRange(Encoding.UTF8.GetByteCount(body), Limit * 9 / 10, Limit);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"events[{EventRules.MaxBatchSize - 1}].type", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StatsAsync());
    }

    private async Task AssertTooLargeAsync(HttpContent body)
    {
        var before = await StatsAsync();

        using var response = await _http.PostAsync("/v1/events", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains($"{Limit} bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StatsAsync());
    }

    private async Task<string> StatsAsync() => (await Json.ReadAsync(await _http.GetAsync("/v1/stats"))).GetRawText();
}
