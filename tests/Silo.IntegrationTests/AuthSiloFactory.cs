using Microsoft.AspNetCore.Hosting;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>The silo with API keys on (an admin key set) and /metrics protected.</summary>
public class AuthSiloFactory : SiloFactory
{
    public const string AdminKey = "test-admin-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("AIaaS:Auth:AdminKey", AdminKey);
        builder.UseSetting("AIaaS:Auth:ProtectMetrics", "true");
    }

    /// <summary>A client that sends <paramref name="key"/> in X-API-Key (none when null).</summary>
    public HttpClient Client(string? key)
    {
        var http = CreateClient();
        if (key is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", key);
        }

        return http;
    }
}

[CollectionDefinition(Name)]
public sealed class AuthSiloCollection : ICollectionFixture<AuthSiloFactory>
{
    public const string Name = "silo with keys";
}

/// <summary>Keys on, and a token bucket of 2 requests refilled at 1 per second per key.</summary>
public sealed class RateLimitedSiloFactory : AuthSiloFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("AIaaS:RateLimit:RequestsPerSecond", "1");
        builder.UseSetting("AIaaS:RateLimit:Burst", "2");
    }
}

[CollectionDefinition(Name)]
public sealed class RateLimitedSiloCollection : ICollectionFixture<RateLimitedSiloFactory>
{
    public const string Name = "rate-limited silo";
}
