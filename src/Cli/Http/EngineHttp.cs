namespace AIaaS.Cli.Http;

/// <summary>The one place that builds the HTTP client every server-facing command uses, so each request carries the API key.</summary>
internal static class EngineHttp
{
    public const string ApiKeyHeader = "X-API-Key";

    public static HttpClient Create(string address, string? apiKey)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"--server must be an absolute http(s) address (was '{address}').");
        }

        if (apiKey is not null && apiKey.Any(char.IsControl))
        {
            throw new ArgumentException("--api-key must not contain control characters.");
        }

        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(100) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation(ApiKeyHeader, apiKey);
        }

        return http;
    }
}
