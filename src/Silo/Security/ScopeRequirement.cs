using AIaaS.Grains.Security;
using Microsoft.AspNetCore.Authorization;

namespace AIaaS.Silo.Security;

/// <summary>An endpoint needs a key of <see cref="Scope"/> (or admin); with auth off, every request meets it.</summary>
internal sealed class ScopeRequirement(ApiScope scope) : IAuthorizationRequirement
{
    public ApiScope Scope { get; } = scope;

    public const string PolicyPrefix = "scope:";

    /// <summary>The authorization policy of each scope, by this name.</summary>
    public static string PolicyName(ApiScope scope) => PolicyPrefix + scope.Name();
}
