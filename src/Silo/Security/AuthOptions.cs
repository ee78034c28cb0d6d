namespace AIaaS.Silo.Security;

/// <summary>API keys on the HTTP API, bound from the <see cref="Section"/> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "AIaaS:Auth";

    /// <summary>The shortest admin key accepted: a guessable key is no key.</summary>
    public const int MinAdminKeyLength = 16;

    /// <summary>
    /// With a value, every /v1 request needs a key: this one (scope admin) or one issued by <c>POST /v1/keys</c>.
    /// Without one, the API is open, which start-up allows only on a loopback address. Give it from the environment
    /// (<c>AIaaS__Auth__AdminKey</c>) or a secret store, never from a file in the repository.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>Whether <c>/metrics</c> needs a key of scope read too (only with <see cref="AdminKey"/> set).</summary>
    public bool ProtectMetrics { get; set; }

    /// <summary>Whether keys are required.</summary>
    public bool Enabled => !string.IsNullOrEmpty(AdminKey);
}
