using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>The embedded default: no admin key, so the API is open, and keys cannot be issued.</summary>
[Collection(SiloCollection.Name)]
public sealed class ApiKeysOffTests(SiloFactory factory)
{
    [Fact]
    public async Task CreateKey_KeysOff_409NamingTheSettingAndNothingStored()
    {
        using var http = factory.CreateClient();

        using var response = await http.PostAsync("/v1/keys", Json.Body("""{"name":"x","scope":"admin"}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("AIaaS:Auth:AdminKey", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var keys = await Json.ReadAsync(await http.GetAsync("/v1/keys"));
        Assert.Empty(keys.GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public void EveryV1Endpoint_NamesTheScopeItNeeds()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("v1/", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.Contains(
            e.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            a => a.Policy is { } policy && policy.StartsWith("scope:", StringComparison.Ordinal)));
    }
}
