using AIaaS.Silo.Clustering;
using AIaaS.Silo.Security;
using Microsoft.Extensions.Configuration;

namespace AIaaS.Silo.IntegrationTests;

public sealed class SecurityOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://127.0.0.2:443/")]
    [InlineData("http://unix:/run/aiaas.sock")]
    public void IsLoopback_LoopbackAddresses_True(string url) => Assert.True(ExposureCheck.IsLoopback(url));

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://[::]:8080")]
    [InlineData("http://10.1.2.3:8080")]
    [InlineData("http://aiaas.example.com")]
    public void IsLoopback_ReachableAddresses_False(string url) => Assert.False(ExposureCheck.IsLoopback(url));

    [Fact]
    public async Task Check_OpenApiOnEveryInterface_FailsNamingTheAdminKeySetting()
    {
        var check = Check(new() { ["urls"] = "http://127.0.0.1:5080;http://0.0.0.0:8080" });

        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => check.CheckAsync(CancellationToken.None));

        Assert.Contains("http://0.0.0.0:8080", error.Message, StringComparison.Ordinal);
        Assert.Contains("AIaaS:Auth:AdminKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("http_ports", "8080")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080")]
    public async Task Check_OtherWaysToBindEveryInterface_Fail(string key, string value) =>
        await Assert.ThrowsAsync<StartupConfigurationException>(() => Check(new() { [key] = value }).CheckAsync(CancellationToken.None));

    [Fact]
    public async Task Check_LoopbackOnlyOrAKeySet_Passes()
    {
        await Check(new() { ["urls"] = "http://127.0.0.1:5080" }).CheckAsync(CancellationToken.None);
        await Check(new() { ["urls"] = "http://0.0.0.0:8080" }, adminKey: "an-admin-key-of-enough-length").CheckAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("short", "at least 16 characters")]
    [InlineData("a key with spaces inside", "printable ASCII")]
    public void AuthOptionsValidator_BadAdminKey_FailsNamingTheKey(string key, string expected)
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions { AdminKey = key });

        Assert.True(result.Failed);
        Assert.Contains("AIaaS:Auth:AdminKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthOptionsValidator_ProtectMetricsWithoutKeys_Fails() =>
        Assert.True(new AuthOptionsValidator().Validate(null, new AuthOptions { ProtectMetrics = true }).Failed);

    [Theory]
    [InlineData(-1, null, "RequestsPerSecond must be at least 1")]
    [InlineData(10, 0, "Burst must be at least 1 (was 0)")]
    [InlineData(10, -5, "Burst must be at least 1 (was -5)")]
    [InlineData(0, 5, "Burst is set but AIaaS:RateLimit:RequestsPerSecond is not")]
    public void RateLimitOptionsValidator_BadValues_FailNamingTheKey(int rate, int? burst, string expected)
    {
        var result = new RateLimitOptionsValidator().Validate(null, new RateLimitOptions { RequestsPerSecond = rate, Burst = burst });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validators_Defaults_Succeed()
    {
        Assert.True(new AuthOptionsValidator().Validate(null, new AuthOptions()).Succeeded);
        Assert.True(new RateLimitOptionsValidator().Validate(null, new RateLimitOptions()).Succeeded);
        Assert.True(new RateLimitOptionsValidator().Validate(null, new RateLimitOptions { RequestsPerSecond = 100, Burst = 1 }).Succeeded);
    }

    private static ExposureCheck Check(Dictionary<string, string?> settings, string? adminKey = null) =>
        new(
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            Microsoft.Extensions.Options.Options.Create(new AuthOptions { AdminKey = adminKey }));
}
