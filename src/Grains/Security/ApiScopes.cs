using System.Diagnostics.CodeAnalysis;

namespace AIaaS.Grains.Security;

/// <summary>The names of <see cref="ApiScope"/> as the HTTP API and the stores spell them: lower case, exactly.</summary>
public static class ApiScopes
{
    /// <summary>Every scope name, for messages.</summary>
    public const string Names = "ingest, read, admin";

    public static string Name(this ApiScope scope) => scope switch
    {
        ApiScope.Ingest => "ingest",
        ApiScope.Read => "read",
        ApiScope.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not an API scope."),
    };

    public static bool TryParse([NotNullWhen(true)] string? name, out ApiScope scope)
    {
        switch (name)
        {
            case "ingest":
                scope = ApiScope.Ingest;
                return true;
            case "read":
                scope = ApiScope.Read;
                return true;
            case "admin":
                scope = ApiScope.Admin;
                return true;
            default:
                scope = default;
                return false;
        }
    }

    /// <summary>Whether a key of scope <paramref name="held"/> may call an endpoint that needs <paramref name="needed"/>.</summary>
    public static bool Allows(this ApiScope held, ApiScope needed) => held == ApiScope.Admin || held == needed;
}
