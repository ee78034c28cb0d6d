using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace AIaaS.Silo.Security;

/// <summary>
/// The key a request carries, in <c>X-API-Key</c> (Gorse's header) or as <c>Authorization: Bearer</c>: missing, one
/// well-formed key, or a header that cannot be one (said in <see cref="Problem"/>).
/// </summary>
internal readonly record struct PresentedKey(string? Key, string? Problem)
{
    public const string HeaderName = "X-API-Key";

    /// <summary>Longer than any key this engine issues (49 characters) or an admin key needs.</summary>
    public const int MaxLength = 256;

    private const string BearerPrefix = "Bearer ";

    public static PresentedKey Read(IHeaderDictionary headers)
    {
        var header = One(headers[HeaderName], HeaderName, out var headerProblem);
        var bearer = One(headers[HeaderNames.Authorization], HeaderNames.Authorization, out var bearerProblem);
        if ((headerProblem ?? bearerProblem) is { } problem)
        {
            return new(null, problem);
        }

        if (bearer is not null)
        {
            if (!bearer.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return new(null, "The Authorization header must be 'Bearer <key>'.");
            }

            bearer = bearer[BearerPrefix.Length..].Trim();
        }

        if (header is not null && bearer is not null && !string.Equals(header, bearer, StringComparison.Ordinal))
        {
            return new(null, $"The {HeaderName} and Authorization headers carry different keys; send one.");
        }

        var key = header ?? bearer;
        if (key is null)
        {
            return default;
        }

        return IsWellFormed(key)
            ? new(key, null)
            : new(null, $"The API key must be 1 to {MaxLength} printable ASCII characters without spaces.");
    }

    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= MaxLength && key.AsSpan().IndexOfAnyExceptInRange('!', '~') < 0;

    private static string? One(StringValues values, string name, out string? problem)
    {
        problem = values.Count > 1 ? $"The {name} header must appear once." : null;
        return values.Count == 1 ? values[0] : null;
    }
}
