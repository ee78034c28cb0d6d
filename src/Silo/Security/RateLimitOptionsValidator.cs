using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Security;

/// <summary>Names each bad value by its configuration key.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    private const string Rate = $"{RateLimitOptions.Section}:{nameof(RateLimitOptions.RequestsPerSecond)}";
    private const string Burst = $"{RateLimitOptions.Section}:{nameof(RateLimitOptions.Burst)}";

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        if (options.RequestsPerSecond < 0)
        {
            return ValidateOptionsResult.Fail($"{Rate} must be at least 1, or 0 for no limit (was {options.RequestsPerSecond}).");
        }

        if (options.Burst is { } burst)
        {
            if (!options.Enabled)
            {
                return ValidateOptionsResult.Fail($"{Burst} is set but {Rate} is not: set both, or neither for no limit.");
            }

            if (burst < 1)
            {
                return ValidateOptionsResult.Fail($"{Burst} must be at least 1 (was {burst}).");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
