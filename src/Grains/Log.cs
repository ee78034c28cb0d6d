using Microsoft.Extensions.Logging;

namespace AIaaS.Grains;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Publishing trending items failed; retrying at the next interval")]
    public static partial void TrendingPublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Forgot user {UserId}: {LogEntries} log entries erased")]
    public static partial void UserForgotten(ILogger logger, string userId, int logEntries);
}
