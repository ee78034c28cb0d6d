using System.Net;

namespace AIaaS.Silo.ClusterTests;

/// <summary>The built silo asked to listen beyond loopback: only with an admin key, and then every /v1 request needs a key.</summary>
public sealed class ExposureTests : IDisposable
{
    private const string AdminKey = "exposure-test-admin-key-42";
    private readonly EmbeddedStore _store = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Start_EveryInterfaceWithoutAKey_ExitCode2WithOneLineNamingTheSetting()
    {
        using var silo = Silo(withKey: false);
        silo.Start();

        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)), "An open silo on 0.0.0.0 kept running.");
        Assert.Equal(2, silo.ExitCode);
        var line = Assert.Single(silo.RecentOutput().Split('\n'), l => l.Contains("aiaas: invalid configuration", StringComparison.Ordinal));
        Assert.Contains($"http://0.0.0.0:{silo.HttpPort}", line, StringComparison.Ordinal);
        Assert.Contains("AIaaS:Auth:AdminKey", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EveryInterfaceWithAKeyFromASecretFile_ServesOnlyRequestsWithTheKey()
    {
        using var silo = Silo(withKey: true);
        silo.Start();
        await silo.WaitReadyAsync(_http, TimeSpan.FromSeconds(90));

        using var open = await _http.GetAsync(new Uri(silo.BaseAddress, "/v1/stats"));
        using var keyed = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.BaseAddress, "/v1/stats")) { Headers = { { "X-API-Key", AdminKey } } };
        using var withKey = await _http.SendAsync(keyed);

        Assert.Equal(HttpStatusCode.Unauthorized, open.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.DoesNotContain(AdminKey, silo.RecentOutput(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _store.Dispose();
    }

    private SiloProcess Silo(bool withKey)
    {
        var settings = new Dictionary<string, string>(_store.SiloSettings) { ["Orleans__ClusterId"] = $"exposure-{Guid.NewGuid():N}" };
        if (withKey)
        {
            // As Docker mounts a secret: a file named for the setting, ending in a newline.
            var secrets = Directory.CreateDirectory(Path.Combine(_store.DataPath, "secrets"));
            File.WriteAllText(Path.Combine(secrets.FullName, "AIaaS__Auth__AdminKey"), AdminKey + "\n");
            settings["AIaaS__SecretsPath"] = secrets.FullName;
        }

        return new SiloProcess("exposed", settings) { ListenAddress = "0.0.0.0" };
    }
}
