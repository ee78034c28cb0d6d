using Microsoft.Extensions.Logging;

namespace AIaaS.Client;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning,
        "Sending {Count} events failed (retry {Retry} of {MaxRetries} in {Delay})")]
    public static partial void RetryingEvents(
        this ILogger logger, int count, int retry, int maxRetries, TimeSpan delay, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "Sending {Count} events failed for good; they are counted as failed")]
    public static partial void EventsFailed(this ILogger logger, int count, Exception exception);

    [LoggerMessage(3, LogLevel.Warning,
        "{Count} events were dropped because the tracker queue (capacity {Capacity}) was full ({Total} in all)")]
    public static partial void EventsDropped(this ILogger logger, long count, int capacity, long total);

    [LoggerMessage(4, LogLevel.Error,
        "The tracker stopped before {Count} events could be sent; they are counted as failed")]
    public static partial void EventsAbandoned(this ILogger logger, int count);

    [LoggerMessage(5, LogLevel.Critical, "The tracker's send loop failed")]
    public static partial void LoopFailed(this ILogger logger, Exception exception);
}
