using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Security;

/// <summary>
/// ASP.NET Core's authentication over <see cref="ApiKeyAuthenticator"/>: a valid key becomes a principal with the
/// key's id and scope; no key is no result (the endpoint's scope policy then challenges); a bad key is a failure
/// whose message the 401 repeats (<see cref="ScopeResultHandler"/>).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "aiaas:key";
    public const string ScopeClaim = "aiaas:scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!authenticator.Enabled)
        {
            return AuthenticateResult.NoResult();
        }

        var check = await authenticator.CheckAsync(PresentedKey.Read(Request.Headers), Context.RequestAborted);
        if (check.Refusal is { } refusal)
        {
            return AuthenticateResult.Fail(refusal);
        }

        if (check.IsMissing)
        {
            return AuthenticateResult.NoResult();
        }

        var identity = new ClaimsIdentity(
            [new Claim(KeyIdClaim, check.KeyId!), new Claim(ScopeClaim, Grains.Security.ApiScopes.Name(check.Scope))], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
