using AIaaS.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Options;

/// <summary>Validates <see cref="RecommendationOptions"/> once at start, naming a bad value by its configuration key.</summary>
public sealed class RecommendationOptionsValidator : IValidateOptions<RecommendationOptions>
{
    public ValidateOptionsResult Validate(string? name, RecommendationOptions options) =>
        CatalogRules.CheckDiversity(options.Diversity) is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{RecommendationOptions.Section}:Diversity must be from 0 to 1 (was {options.Diversity.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
}
