using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Options;

/// <summary>Validates <see cref="RetrainingOptions"/> once at start, naming each bad value by its configuration key.</summary>
public sealed class RetrainingOptionsValidator : IValidateOptions<RetrainingOptions>
{
    public ValidateOptionsResult Validate(string? name, RetrainingOptions options)
    {
        var failures = new List<string>();
        void Require(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                failures.Add($"{RetrainingOptions.Section}:{key} {rule} (was {value}).");
            }
        }

        Require(options.Interval >= TimeSpan.FromMinutes(1), nameof(options.Interval), options.Interval, "must be at least 00:01:00");
        Require(options.EventThreshold >= 1, nameof(options.EventThreshold), options.EventThreshold, "must be at least 1");
        Require(options.ThresholdCheckInterval > TimeSpan.Zero, nameof(options.ThresholdCheckInterval), options.ThresholdCheckInterval, "must be a positive time span");
        Require(options.FailureBackoff > TimeSpan.Zero, nameof(options.FailureBackoff), options.FailureBackoff, "must be a positive time span");
        Require(options.MaxFailureBackoff >= options.FailureBackoff, nameof(options.MaxFailureBackoff), options.MaxFailureBackoff, "must be at least FailureBackoff");
        if (options.Retain is < 1 or > 1000)
        {
            failures.Add($"{RetrainingOptions.RetainKey} must be from 1 to 1000 (was {options.Retain}).");
        }

        Require(options.ReadPageSize is >= 100 and <= 1_000_000, nameof(options.ReadPageSize), options.ReadPageSize, "must be from 100 to 1000000");
        Require(options.Factors is >= 1 and <= 1024, nameof(options.Factors), options.Factors, "must be from 1 to 1024");
        Require(float.IsFinite(options.Regularization) && options.Regularization >= 0, nameof(options.Regularization), options.Regularization, "must be a finite number >= 0");
        Require(float.IsFinite(options.Alpha) && options.Alpha > 0, nameof(options.Alpha), options.Alpha, "must be a finite number > 0");
        Require(Enum.IsDefined(options.Confidence), nameof(options.Confidence), options.Confidence, "must be Linear, Logarithmic or Binary");
        Require(float.IsFinite(options.RegularizationExponent) && options.RegularizationExponent is >= 0 and <= 2, nameof(options.RegularizationExponent), options.RegularizationExponent, "must be from 0 to 2");
        Require(options.Iterations is >= 1 and <= 1000, nameof(options.Iterations), options.Iterations, "must be from 1 to 1000");
        Require(options.Threads is >= 1 and <= 1024, nameof(options.Threads), options.Threads, "must be from 1 to 1024");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
