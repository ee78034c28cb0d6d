using AIaaS.Grains.Security;

namespace AIaaS.Silo.Security;

/// <summary>What a request's key turned out to be: no key, a key of some scope, or why it is refused.</summary>
internal readonly record struct KeyCheck(string? KeyId, ApiScope Scope, string? Refusal)
{
    /// <summary>The id reported for the configured admin key, which is not stored.</summary>
    public const string AdminKeyId = "admin";

    public static KeyCheck Missing => default;

    public bool IsMissing => KeyId is null && Refusal is null;

    public static KeyCheck Valid(string id, ApiScope scope) => new(id, scope, null);

    public static KeyCheck Refused(string why) => new(null, default, why);
}
