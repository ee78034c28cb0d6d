using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace AIaaS.Client;

/// <summary>Failures worth retrying: the call may succeed once a silo, gateway or connection is back.</summary>
internal static class TransientFailure
{
    public static bool Is(Exception exception) =>
        exception is TimeoutException
            or SiloUnavailableException
            or GatewayTooBusyException
            or OrleansMessageRejectionException
            or ConnectionFailedException;

    /// <summary>Exponential backoff: the base delay doubled per earlier retry, capped.</summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var factor = Math.Pow(2, Math.Min(retry, 30));
        var ticks = Math.Min(baseDelay.Ticks * factor, maxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
