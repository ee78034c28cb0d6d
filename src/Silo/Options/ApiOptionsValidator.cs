using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Options;

/// <summary>Names each bad value by its configuration key.</summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options) =>
        options.MaxRequestBodyBytes < 1
            ? ValidateOptionsResult.Fail($"{ApiOptions.Section}:{nameof(ApiOptions.MaxRequestBodyBytes)} must be at least 1 (was {options.MaxRequestBodyBytes}).")
            : ValidateOptionsResult.Success;
}
