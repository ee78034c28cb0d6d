using AIaaS.Grains.Security;
using AIaaS.Silo.Clustering;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Security;

/// <summary>API keys with scopes, rate limits, and the start-up check that keeps an open API on loopback.</summary>
internal static class SecurityExtensions
{
    public static void AddEngineSecurity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<IStartupCheck, ExposureCheck>();

        services.AddSingleton<ApiKeyUsage>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ApiKeyUsageFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsageFlusher>());
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeResultHandler>();
        services.AddAuthorization(authorization =>
        {
            foreach (var scope in Enum.GetValues<ApiScope>())
            {
                authorization.AddPolicy(ScopeRequirement.PolicyName(scope), policy => policy.AddRequirements(new ScopeRequirement(scope)));
            }
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((limiter, limits) => RequestRateLimiter.Configure(limiter, limits.Value));
    }

    /// <summary>
    /// After the exception handler (a key store that fails is a 503) and before the endpoints: who is asking, whether
    /// they are over their rate (keyed by who they are), then whether their scope allows the endpoint.
    /// </summary>
    public static void UseEngineSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    /// <summary>
    /// The endpoint needs a key of <paramref name="scope"/> (or admin) when auth is on; its description gains the
    /// refusals that can answer it then (401, 403) and a rate limit's 429.
    /// </summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, ApiScope scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ScopeRequirement.PolicyName(scope)).WithMetadata(
            Refusal(StatusCodes.Status401Unauthorized), Refusal(StatusCodes.Status403Forbidden), Refusal(StatusCodes.Status429TooManyRequests));

    private static ProducesResponseTypeMetadata Refusal(int status) =>
        new(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]);
}
