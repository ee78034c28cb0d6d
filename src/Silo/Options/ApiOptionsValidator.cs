using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Options;

/// <summary>Names each bad value by its configuration key.</summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        if (options.MaxRequestBodyBytes < 1)
        {
            return ValidateOptionsResult.Fail($"{ApiOptions.Section}:{nameof(ApiOptions.MaxRequestBodyBytes)} must be at least 1 (was {options.MaxRequestBodyBytes}).");
        }

        return options.WarmUpSeconds is < 0 or > ApiOptions.MaxWarmUpSeconds
            ? ValidateOptionsResult.Fail($"{ApiOptions.Section}:{nameof(ApiOptions.WarmUpSeconds)} must be between 0 and {ApiOptions.MaxWarmUpSeconds} (was {options.WarmUpSeconds}).")
            : ValidateOptionsResult.Success;
    }
}
