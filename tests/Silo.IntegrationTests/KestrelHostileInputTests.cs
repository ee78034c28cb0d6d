using System.Net;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>The hostile inputs on Kestrel, and those only a real server's parsing sees.</summary>
[Collection(KestrelSiloCollection.Name)]
public sealed class KestrelHostileInputTests(KestrelSiloFactory factory) : HostileInputTests(factory)
{
    [Fact]
    public async Task Get_64KbHeader_Answers431AndStaysReady()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/stats");
        request.Headers.TryAddWithoutValidation("X-Hostile", new string('h', 64 * 1024));

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        await AssertReadyAsync();
    }

    [Fact]
    public async Task Get_ManyHeaders_Answers431AndStaysReady()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/stats");
        for (var i = 0; i < 1000; i++)
        {
            request.Headers.TryAddWithoutValidation($"X-Hostile-{i}", "h");
        }

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        await AssertReadyAsync();
    }
}
