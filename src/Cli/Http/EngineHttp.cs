namespace AIaaS.Cli.Http;

internal static class EngineHttp
{
    public static HttpClient Create(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"--server must be an absolute http(s) address (was '{address}').");
        }

        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        return new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(100) };
    }
}
