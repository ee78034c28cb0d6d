using AIaaS.Grains.Security;
using Microsoft.AspNetCore.Authorization;

namespace AIaaS.Silo.Security;

/// <summary>Meets a <see cref="ScopeRequirement"/> when auth is off, or when the request's key holds the scope.</summary>
internal sealed class ScopeAuthorizationHandler(ApiKeyAuthenticator authenticator) : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (!authenticator.Enabled || HeldScope(context) is { } held && held.Allows(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static ApiScope? HeldScope(AuthorizationHandlerContext context) =>
        ApiScopes.TryParse(context.User.FindFirst(ApiKeyAuthenticationHandler.ScopeClaim)?.Value, out var scope) ? scope : null;
}
