using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AIaaS.Grains.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AIaaS.Silo.IntegrationTests;

[Collection(AuthSiloCollection.Name)]
public sealed class ApiKeyTests(AuthSiloFactory factory)
{
    [Fact]
    public async Task EveryV1Endpoint_NoKey_401ProblemSayingHowToSendOne()
    {
        using var http = factory.Client(null);
        foreach (var (method, path) in V1Endpoints(factory))
        {
            using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("X-API-Key", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Health_NoKey_StaysOpen()
    {
        using var http = factory.Client(null);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Metrics_Protected_NeedsAReadKey()
    {
        using var anonymous = factory.Client(null);
        using var admin = factory.Client(AuthSiloFactory.AdminKey);
        var ingest = await CreateKeyAsync("ingest");
        using var ingestClient = factory.Client(ingest.Key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ingestClient.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task AdminKey_AsHeaderOrBearer_IsAccepted()
    {
        using var header = factory.Client(AuthSiloFactory.AdminKey);
        using var bearer = factory.Client(null);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AuthSiloFactory.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync("/v1/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/v1/stats")).StatusCode);
    }

    [Fact]
    public async Task CreateKey_ReadScope_ReadsButCannotIngestOrAdminister()
    {
        var key = await CreateKeyAsync("read");
        using var http = factory.Client(key.Key);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/v1/users/{Json.NewId("u")}/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1/model")).StatusCode);
        using var events = await http.PostAsync("/v1/events", Json.Body(Json.Events((Json.NewId("u"), "i1", "play"))));
        Assert.Equal(HttpStatusCode.Forbidden, events.StatusCode);
        var detail = (await Json.ReadAsync(events)).GetProperty("detail").GetString();
        Assert.Contains("'ingest'", detail, StringComparison.Ordinal);
        Assert.Contains("'read'", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("/v1/model/retrain", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/v1/keys")).StatusCode);
    }

    [Fact]
    public async Task CreateKey_IngestScope_IngestsButCannotRead()
    {
        var key = await CreateKeyAsync("ingest");
        using var http = factory.Client(key.Key);
        var user = Json.NewId("u");

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/v1/events", Json.Body(Json.Events((user, "i1", "play"))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/v1/sessions/recommendations", Json.Body("""{"events":[{"itemId":"i1","type":"play"}]}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/v1/users/{user}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.DeleteAsync($"/v1/users/{user}")).StatusCode);
    }

    [Fact]
    public async Task CreateKey_AdminScope_MayIssueKeysItself()
    {
        var key = await CreateKeyAsync("admin");
        using var http = factory.Client(key.Key);

        using var created = await http.PostAsync("/v1/keys", Json.Body("""{"name":"issued by an issued key","scope":"read"}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task ListKeys_AfterUse_NamesScopesAndTimesButNeverKeys()
    {
        var key = await CreateKeyAsync("read");
        using (var http = factory.Client(key.Key))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1/stats")).StatusCode);
        }

        using var admin = factory.Client(AuthSiloFactory.AdminKey);
        using var response = await admin.GetAsync("/v1/keys");
        var text = await response.Content.ReadAsStringAsync();
        var listed = JsonDocument.Parse(text).RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("id").GetString() == key.Id);

        Assert.Equal("read", listed.GetProperty("scope").GetString());
        Assert.Equal("test read", listed.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("createdAt").ValueKind);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.DoesNotContain(key.Key, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_StoresOnlyTheHash_NotTheKeyInTheDatabaseFiles()
    {
        var key = await CreateKeyAsync("read");

        var stored = (await factory.Services.GetRequiredService<IApiKeyStore>().ListAsync(CancellationToken.None)).Single(k => k.Id == key.Id);

        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key.Key)), stored.Hash.ToArray());
        var needle = Encoding.UTF8.GetBytes(key.Key);
        // The lock file is held exclusively and holds nothing; the database and its WAL are what matter.
        foreach (var file in Directory.EnumerateFiles(factory.DataPath, "aiaas.db*", SearchOption.AllDirectories))
        {
            using var read = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            await read.CopyToAsync(bytes);
            Assert.True(bytes.ToArray().AsSpan().IndexOf(needle) < 0, $"{file} holds the key itself");
        }
    }

    [Fact]
    public async Task DeleteKey_Revoked_RefusedFromTheNextRequestAndSecondDeleteIs404()
    {
        var key = await CreateKeyAsync("read");
        using var http = factory.Client(key.Key);
        using var admin = factory.Client(AuthSiloFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1/stats")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/keys/{key.Id}")).StatusCode);

        using var refused = await http.GetAsync("/v1/stats");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("revoked", (await Json.ReadAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var again = await admin.DeleteAsync($"/v1/keys/{key.Id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains(key.Id, (await Json.ReadAsync(again)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-API-Key", "two words")]
    [InlineData("Authorization", "Basic dXNlcjpwYXNz")]
    [InlineData("X-API-Key", "never-issued-key-0123456789")]
    public async Task Request_MalformedOrUnknownKey_401NamingTheProblem(string header, string value)
    {
        using var http = factory.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/stats");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var detail = (await Json.ReadAsync(response)).GetProperty("detail").GetString();
        Assert.Matches("printable ASCII|Bearer|not known", detail);
    }

    [Fact]
    public async Task Request_TwoXApiKeyHeaders_401()
    {
        using var http = factory.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/stats");
        request.Headers.TryAddWithoutValidation("X-API-Key", [AuthSiloFactory.AdminKey, AuthSiloFactory.AdminKey]);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("once", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"x","scope":"owner"}""", "ingest, read, admin")]
    [InlineData("""{"name":"x","scope":"Admin"}""", "ingest, read, admin")]
    [InlineData("""{"name":"x"}""", "missing")]
    [InlineData("""{"name":"  ","scope":"read"}""", "name is required")]
    [InlineData("""{"scope":"read"}""", "name is required")]
    public async Task CreateKey_BadBody_400AndNothingStored(string body, string expected)
    {
        using var admin = factory.Client(AuthSiloFactory.AdminKey);
        var before = await KeyCountAsync();

        using var response = await admin.PostAsync("/v1/keys", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await KeyCountAsync());
    }

    /// <summary>Every /v1 endpoint the silo maps, with a path that fills its parameters.</summary>
    internal static IEnumerable<(string Method, string Path)> V1Endpoints(SiloFactory silo) =>
        silo.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("v1/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m =>
                (m, "/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{userId}", "u1", StringComparison.Ordinal)
                    .Replace("{itemId}", "i1", StringComparison.Ordinal).Replace("{keyId}", "key_0", StringComparison.Ordinal))));

    private async Task<(string Id, string Key)> CreateKeyAsync(string scope)
    {
        using var admin = factory.Client(AuthSiloFactory.AdminKey);
        using var response = await admin.PostAsync("/v1/keys", Json.Body($$"""{"name":"test {{scope}}","scope":"{{scope}}"}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(scope, body.GetProperty("scope").GetString());
        return (body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);
    }

    private async Task<int> KeyCountAsync() =>
        (await factory.Services.GetRequiredService<IApiKeyStore>().ListAsync(CancellationToken.None)).Count;
}
