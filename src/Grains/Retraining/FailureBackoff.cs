using AIaaS.Grains.Options;

namespace AIaaS.Grains.Retraining;

/// <summary>When automatic retraining may start again after failures in a row: exponential, capped.</summary>
internal static class FailureBackoff
{
    public static DateTimeOffset NextAttempt(DateTimeOffset lastFailure, int failures, RetrainingOptions options)
    {
        if (failures <= 0)
        {
            return DateTimeOffset.MinValue;
        }

        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(options.FailureBackoff.Ticks * factor, options.MaxFailureBackoff.Ticks));
        return lastFailure + wait;
    }
}
