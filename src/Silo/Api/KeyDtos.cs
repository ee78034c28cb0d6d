using AIaaS.Grains.Security;
using AIaaS.Grains.Storage;

namespace AIaaS.Silo.Api;

/// <summary>The body of POST /v1/keys.</summary>
internal sealed record CreateKeyDto(string? Name, string? Scope);

/// <summary>POST /v1/keys' answer: the only time the key itself is shown.</summary>
internal sealed record CreatedKeyResponse(string Id, string Key, string Name, string Scope, DateTimeOffset CreatedAt);

/// <summary>One key as GET /v1/keys lists it: never the key, nor its hash.</summary>
internal sealed record KeyResponse(string Id, string Name, string Scope, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    public static KeyResponse From(StoredApiKey key, DateTimeOffset? pendingUse) =>
        new(key.Id, key.Name, key.Scope.Name(), key.CreatedAt, Later(key.LastUsedAt, pendingUse));

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

/// <summary>GET /v1/keys' answer.</summary>
internal sealed record KeyListResponse(IReadOnlyList<KeyResponse> Keys);
