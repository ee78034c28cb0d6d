using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Options;

/// <summary>Names each bad value by its configuration key.</summary>
public sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options) =>
        options.ShutdownTimeout < TimeSpan.FromSeconds(1)
            ? ValidateOptionsResult.Fail($"{ShutdownOptions.Section}:{nameof(ShutdownOptions.ShutdownTimeout)} must be at least 00:00:01 (was {options.ShutdownTimeout}).")
            : ValidateOptionsResult.Success;
}
