using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AIaaS.Silo.ClusterTests;

/// <summary>Two silos on one PostgreSQL database with keys on: a key issued on one works on the other, and a revocation on either holds on both at once.</summary>
public sealed class ApiKeyClusterTests : IDisposable
{
    private const string AdminKey = "cluster-test-admin-key-0042";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [PostgreSqlFact]
    public async Task RevokeOnOneSilo_TheOtherRefusesTheKeyOnItsNextRequest()
    {
        using var postgres = new PostgreSqlServer();
        var init = await AiaasCli.RunAsync("db", "init", "--scripts", PostgreSqlFactAttribute.ScriptsFolder!, "--connection", postgres.ConnectionString);
        Assert.True(init.Exit == 0, init.Error);
        using var cluster = new SiloCluster(new WithAdminKey(postgres), size: 2);
        await cluster.StartAsync();
        var (first, second) = (cluster.Silos[0], cluster.Silos[1]);

        using var created = await SendAsync(HttpMethod.Post, first, "/v1/keys", AdminKey, JsonContent.Create(new { name = "player", scope = "read" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (id, key) = (body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);

        using (var before = await SendAsync(HttpMethod.Get, second, "/v1/stats", key))
        {
            Assert.True(before.StatusCode == HttpStatusCode.OK, cluster.RecentOutput());
        }

        using (var revoked = await SendAsync(HttpMethod.Delete, second, $"/v1/keys/{id}", AdminKey))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var onFirst = await SendAsync(HttpMethod.Get, first, "/v1/stats", key);
        using var onSecond = await SendAsync(HttpMethod.Get, second, "/v1/stats", key);
        Assert.Equal(HttpStatusCode.Unauthorized, onFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onSecond.StatusCode);
        Assert.DoesNotContain(key, cluster.RecentOutput(), StringComparison.Ordinal);
        await cluster.StopAllAsync();
    }

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, SiloProcess silo, string path, string key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(silo.BaseAddress, path)) { Content = content };
        request.Headers.Add("X-API-Key", key);
        return _http.SendAsync(request);
    }

    private sealed class WithAdminKey(IClusterStore store) : IClusterStore
    {
        public IReadOnlyDictionary<string, string> SiloSettings =>
            new Dictionary<string, string>(store.SiloSettings) { ["AIaaS__Auth__AdminKey"] = AdminKey };
    }
}
