using System.Net;

namespace AIaaS.Client.IntegrationTests;

public sealed class GatewayEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:30000", "127.0.0.1", 30000)]
    [InlineData("[::1]:30001", "::1", 30001)]
    [InlineData("silo-0.aiaas:1", "silo-0.aiaas", 1)]
    public void TryParse_HostAndPort_SplitsThem(string value, string host, int port)
    {
        Assert.True(GatewayEndpoint.TryParse(value, out var parsedHost, out var parsedPort));
        Assert.Equal((host, port), (parsedHost, parsedPort));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("[]:30000")]
    public void TryParse_NotHostAndPort_ReturnsFalse(string? value) =>
        Assert.False(GatewayEndpoint.TryParse(value, out _, out _));

    [Fact]
    public void Resolve_DnsName_GivesAnEndpointPerAddress()
    {
        var endpoints = GatewayEndpoint.Resolve(["localhost:30000", "10.0.0.5:31000"]).ToList();

        Assert.Contains(endpoints, e => IPAddress.IsLoopback(e.Address) && e.Port == 30000);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 31000), endpoints[^1]);
    }
}
