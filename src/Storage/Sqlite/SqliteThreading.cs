using SQLitePCL;

namespace AIaaS.Storage.Sqlite;

/// <summary>
/// Puts SQLite in multi-thread mode before its first connection: no mutex on each connection and statement call.
/// The bundled library defaults to serialized mode, which locks the connection's mutex on every step and column
/// call; a training's read of the log made two of those per column. Safe here because every connection is used by
/// one caller at a time (the writer's loop, or a reader taken from the pool), as Microsoft.Data.Sqlite requires
/// anyway. If SQLite was already initialized in this process, the call fails and serialized mode stays.
/// </summary>
internal static class SqliteThreading
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) == raw.SQLITE_OK;
    });

    /// <summary>Whether multi-thread mode is on (false: SQLite was initialized before, and stays serialized).</summary>
    public static bool EnsureMultiThread() => Configured.Value;
}
