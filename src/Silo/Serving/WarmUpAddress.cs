namespace AIaaS.Silo.Serving;

/// <summary>Where the silo can reach its own HTTP API: the first plain-HTTP address Kestrel listens on, wildcards made loopback.</summary>
public static class WarmUpAddress
{
    /// <summary>
    /// The first <c>http://</c> address of <paramref name="listening"/> as a base address on the loopback interface, or
    /// null when there is none (HTTPS only, whose certificate a loopback call could not verify, or an in-memory test
    /// server that listens nowhere).
    /// </summary>
    public static Uri? From(IEnumerable<string> listening)
    {
        ArgumentNullException.ThrowIfNull(listening);
        foreach (var address in listening)
        {
            if (!address.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Kestrel reports wildcards as written ("http://+:80", "http://*:80") or as bound ("http://[::]:80").
            var rest = address["http://".Length..];
            var colon = rest.LastIndexOf(':');
            var host = colon > 0 ? rest[..colon] : rest;
            var port = colon > 0 ? rest[colon..].TrimEnd('/') : string.Empty;
            var loopback = host switch
            {
                "+" or "*" or "0.0.0.0" => "127.0.0.1",
                "[::]" => "[::1]",
                _ => host,
            };
            if (Uri.TryCreate($"http://{loopback}{port}/", UriKind.Absolute, out var uri))
            {
                return uri;
            }
        }

        return null;
    }
}
