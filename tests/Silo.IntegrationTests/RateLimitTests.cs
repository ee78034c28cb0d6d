using System.Net;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>
/// A bucket of 2 refilled at 1 per second: the counts below hold however slow the machine, since a slower run only
/// refills more, and the assertions ask for what the bucket must refuse at the very least.
/// </summary>
[Collection(RateLimitedSiloCollection.Name)]
public sealed class RateLimitTests(RateLimitedSiloFactory factory)
{
    [Fact]
    public async Task Requests_PastTheBurst_429WithRetryAfterWhileAnotherKeyIsServed()
    {
        using var admin = factory.Client(AuthSiloFactory.AdminKey);
        var other = await CreateKeyAsync(admin);
        using var otherClient = factory.Client(other);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            var response = await admin.GetAsync("/v1/stats");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("AIaaS:RateLimit", (await Json.ReadAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync("/v1/stats")).StatusCode);
    }

    [Fact]
    public async Task Health_PastTheBurst_NeverLimited()
    {
        using var http = factory.Client(null);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        }
    }

    [Fact]
    public async Task Ingest_ABatchOfManyEvents_CountsAsOneRequest()
    {
        using var admin = factory.Client(AuthSiloFactory.AdminKey);
        using var ingest = factory.Client(await CreateKeyAsync(admin, "ingest"));
        var batch = Json.Events([.. Enumerable.Range(0, 200).Select(i => (Json.NewId("u"), $"i{i % 7}", "play"))]);

        // The fresh key's bucket holds 2: two batches of 200 events go through.
        Assert.Equal(HttpStatusCode.Accepted, (await ingest.PostAsync("/v1/events", Json.Body(batch))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await ingest.PostAsync("/v1/events", Json.Body(batch))).StatusCode);
    }

    private static async Task<string> CreateKeyAsync(HttpClient admin, string scope = "read")
    {
        // The admin key's own bucket may be empty from another test: wait for a token rather than fail.
        for (var attempt = 0; ; attempt++)
        {
            using var response = await admin.PostAsync("/v1/keys", Json.Body($$"""{"name":"rate test","scope":"{{scope}}"}"""));
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 10)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await Json.ReadAsync(response)).GetProperty("key").GetString()!;
        }
    }
}
