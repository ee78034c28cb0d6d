using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Options;

/// <summary>Validates <see cref="EngineOptions"/> once at start, naming each bad value by its configuration key.</summary>
public sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        var failures = new List<string>();
        RequireRange(failures, nameof(options.HistoryLength), options.HistoryLength, 1, 100_000);
        RequireRange(failures, nameof(options.TrendingSize), options.TrendingSize, 10, 100_000);
        RequireRange(failures, nameof(options.LogPartitions), options.LogPartitions, 1, 4096);
        RequireRange(failures, nameof(options.CoOccurrenceWindow), options.CoOccurrenceWindow, 0, 1000);
        RequireRange(failures, nameof(options.CoOccurrenceCapacity), options.CoOccurrenceCapacity, 1, 100_000);
        RequireRange(failures, nameof(options.NewItemMinInteractions), options.NewItemMinInteractions, 1, 100_000);
        RequireRange(failures, nameof(options.ColdItemCapacity), options.ColdItemCapacity, 0, 100_000);
        RequireRange(failures, nameof(options.NewItemEvidenceCapacity), options.NewItemEvidenceCapacity, 1, 100_000);
        RequireRange(failures, nameof(options.MaxActiveUsers), options.MaxActiveUsers, 0, 100_000_000);
        if (!double.IsFinite(options.LiveBoost) || options.LiveBoost < 1)
        {
            failures.Add($"{EngineOptions.Section}:LiveBoost must be a finite number >= 1 (was {options.LiveBoost}).");
        }

        RequirePositive(failures, nameof(options.PopularityHalfLife), options.PopularityHalfLife);
        RequirePositive(failures, nameof(options.TrendingPublishInterval), options.TrendingPublishInterval);
        RequirePositive(failures, nameof(options.TrendingSaveInterval), options.TrendingSaveInterval);
        RequirePositive(failures, nameof(options.ItemFlushInterval), options.ItemFlushInterval);
        RequirePositive(failures, nameof(options.UserSaveInterval), options.UserSaveInterval);
        RequirePositive(failures, nameof(options.ModelRefreshInterval), options.ModelRefreshInterval);
        foreach (var (type, weight) in options.Weights)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                failures.Add($"{EngineOptions.Section}:Weights:{type} must be a finite number >= 0 (was {weight}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireRange(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{EngineOptions.Section}:{key} must be from {min} to {max} (was {value}).");
        }
    }

    private static void RequirePositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{EngineOptions.Section}:{key} must be a positive time span (was {value}).");
        }
    }
}
