using AIaaS.Grains.Security;
using AIaaS.Grains.Storage;
using AIaaS.Silo.Security;

namespace AIaaS.Silo.Api;

/// <summary>Issuing, listing and revoking API keys; every one needs the admin scope.</summary>
internal static class KeysEndpoints
{
    public const int MaxNameLength = 100;

    public static async Task<IResult> CreateAsync(HttpRequest request, ApiKeyAuthenticator authenticator, IApiKeyStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!authenticator.Enabled)
        {
            // A key issued while the API is open would hold power the moment auth is turned on, granted by anyone who could reach it.
            return Results.Problem(
                detail: $"API keys are off: set {AuthOptions.Section}:{nameof(AuthOptions.AdminKey)} and issue keys with it.",
                statusCode: StatusCodes.Status409Conflict,
                title: "API keys are not enabled.");
        }

        var (body, problem) = await JsonBody.ReadAsync<CreateKeyDto>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (CheckName(body!.Name) is { } badName)
        {
            return Problems.BadRequest(badName);
        }

        if (!ApiScopes.TryParse(body.Scope, out var scope))
        {
            return Problems.BadRequest($"scope must be one of {ApiScopes.Names} (was {(body.Scope is null ? "missing" : $"'{body.Scope}'")}).");
        }

        var issued = IssuedKey.Create(body.Name!, scope, time.GetUtcNow());
        await store.AddAsync(issued.Stored, cancellationToken);
        var stored = issued.Stored;
        return Results.Json(
            new CreatedKeyResponse(stored.Id, issued.Key, stored.Name, scope.Name(), stored.CreatedAt),
            statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> ListAsync(IApiKeyStore store, ApiKeyUsage usage, CancellationToken cancellationToken)
    {
        var keys = await store.ListAsync(cancellationToken);
        return Results.Ok(new KeyListResponse([.. keys.Select(k => KeyResponse.From(k, usage.Pending(k.Id)))]));
    }

    public static async Task<IResult> DeleteAsync(string keyId, IApiKeyStore store, CancellationToken cancellationToken) =>
        await store.RemoveAsync(keyId, cancellationToken)
            ? Results.NoContent()
            : Problems.NotFound($"no API key has id '{keyId}' (it was never issued, or it was revoked already).");

    private static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "name is required: say who or what the key is for.";
        }

        if (name.Length > MaxNameLength)
        {
            return $"name must be at most {MaxNameLength} characters (was {name.Length}).";
        }

        return name.Any(char.IsControl) ? "name must not contain control characters." : null;
    }
}
