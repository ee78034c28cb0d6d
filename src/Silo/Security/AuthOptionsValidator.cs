using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Security;

/// <summary>Names each bad value by its configuration key.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (options.AdminKey is not { Length: > 0 } key)
        {
            return options.ProtectMetrics
                ? ValidateOptionsResult.Fail($"{AuthOptions.Section}:{nameof(AuthOptions.ProtectMetrics)} needs {AuthOptions.Section}:{nameof(AuthOptions.AdminKey)}: without keys there is nothing to protect /metrics with.")
                : ValidateOptionsResult.Success;
        }

        if (key.Length < AuthOptions.MinAdminKeyLength)
        {
            return ValidateOptionsResult.Fail($"{AuthOptions.Section}:{nameof(AuthOptions.AdminKey)} must be at least {AuthOptions.MinAdminKeyLength} characters (was {key.Length}).");
        }

        return PresentedKey.IsWellFormed(key)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{AuthOptions.Section}:{nameof(AuthOptions.AdminKey)} must be printable ASCII without spaces, at most {PresentedKey.MaxLength} characters, to fit an X-API-Key header.");
    }
}
