using System.Net;
using AIaaS.Silo.Clustering;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Security;

/// <summary>
/// Refuses to start an open API (no <c>AIaaS:Auth:AdminKey</c>) on an address other machines can reach. The
/// addresses are the ones Kestrel will bind from configuration: <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>),
/// <c>http_ports</c>/<c>https_ports</c> (every interface) and <c>Kestrel:Endpoints:*:Url</c>.
/// </summary>
public sealed class ExposureCheck(IConfiguration configuration, IOptions<AuthOptions> auth) : IStartupCheck
{
    public Task CheckAsync(CancellationToken cancellationToken)
    {
        if (!auth.Value.Enabled && ExposedAddress(configuration) is { } exposed)
        {
            throw new StartupConfigurationException(
                $"the HTTP API would listen on {exposed}, beyond this machine, with no API key: set {AuthOptions.Section}:{nameof(AuthOptions.AdminKey)} (from the environment or a secret store) or listen on 127.0.0.1 only.");
        }

        return Task.CompletedTask;
    }

    /// <summary>The first configured address that is not loopback, or null when all are.</summary>
    public static string? ExposedAddress(IConfiguration configuration)
    {
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            if (configuration[key] is { Length: > 0 } ports)
            {
                return $"port {ports} of every interface ({key})";
            }
        }

        var urls = (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.FirstOrDefault(url => !IsLoopback(url));
    }

    public static bool IsLoopback(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start < 0 ? url : url[(start + 3)..];
        string host;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? rest : rest[1..close];
        }
        else
        {
            var end = rest.IndexOfAny([':', '/']);
            host = end < 0 ? rest : rest[..end];
        }

        // A Unix socket (http://unix:/path) is reached through the file system, not the network.
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.Equals("unix", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
