using System.Globalization;
using System.Net;

namespace AIaaS.Client;

/// <summary>Parses and resolves the <c>host:port</c> gateway strings of <see cref="RecommendationClientOptions"/>.</summary>
internal static class GatewayEndpoint
{
    public static bool TryParse(string? value, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        var colon = value?.LastIndexOf(':') ?? -1;
        if (value is null || colon <= 0)
        {
            return false;
        }

        host = value[..colon].Trim('[', ']');
        return host.Length > 0
            && int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is >= IPEndPoint.MinPort + 1 and <= IPEndPoint.MaxPort;
    }

    /// <summary>Resolves every gateway; a DNS name gives each of its addresses.</summary>
    public static IEnumerable<IPEndPoint> Resolve(IEnumerable<string> gateways)
    {
        foreach (var gateway in gateways)
        {
            if (!TryParse(gateway, out var host, out var port))
            {
                throw new FormatException($"The gateway '{gateway}' is not host:port.");
            }

            if (IPAddress.TryParse(host, out var address))
            {
                yield return new IPEndPoint(address, port);
                continue;
            }

            foreach (var resolved in Dns.GetHostAddresses(host))
            {
                yield return new IPEndPoint(resolved, port);
            }
        }
    }
}
