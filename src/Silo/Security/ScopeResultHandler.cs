using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace AIaaS.Silo.Security;

/// <summary>
/// Refusals as problem details that say what to do: 401 with why the key was refused (or that none came) and a
/// WWW-Authenticate naming both ways to send one; 403 naming the scope the endpoint needs and the one the key holds.
/// </summary>
internal sealed class ScopeResultHandler : IAuthorizationMiddlewareResultHandler
{
    private const string Challenge = $"ApiKey header=\"{PresentedKey.HeaderName}\", Bearer";
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // The handler keeps its result for the request: this asks again without a second lookup.
            var failure = (await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName)).Failure?.Message;
            context.Response.Headers.WWWAuthenticate = Challenge;
            await Results.Problem(
                    detail: failure ?? $"This endpoint needs an API key in the {PresentedKey.HeaderName} header (or Authorization: Bearer).",
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "An API key is required.")
                .ExecuteAsync(context);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var needed = policy.Requirements.OfType<ScopeRequirement>().Select(r => Grains.Security.ApiScopes.Name(r.Scope)).FirstOrDefault() ?? "admin";
            var held = context.User.FindFirst(ApiKeyAuthenticationHandler.ScopeClaim)?.Value;
            await Results.Problem(
                    detail: $"This endpoint needs a key of scope '{needed}' (or admin); this key's scope is '{held}'.",
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "The API key's scope does not allow this.")
                .ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
