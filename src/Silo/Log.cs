namespace AIaaS.Silo;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Error, "The silo did not stop within {Limit}; exiting with {Live} grain activations not deactivated ({Deactivating} had begun), so what they had not saved is lost: {Grains}")]
    public static partial void ShutdownAbandoned(ILogger logger, TimeSpan limit, int live, int deactivating, string grains);
}
