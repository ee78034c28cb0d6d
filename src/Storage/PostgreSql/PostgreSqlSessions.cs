using Npgsql;

namespace AIaaS.Storage.PostgreSql;

/// <summary>
/// Keeps a server session's state across pool rentals unless the connection string says otherwise. Npgsql resets each
/// returned connection with DISCARD ALL: a round trip on every store call, and it throws away the session's cached
/// plans (Orleans' grain-state function was re-planned on every write) and the log's staging table. During a
/// 300,000-event import this cost PostgreSQL a third of its CPU (docs/benchmarks.md). Nothing here leaves other state
/// on a session: the engine's settings are transaction-local and Orleans' providers set none.
/// </summary>
public static class PostgreSqlSessions
{
    public static string Kept(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var named = connectionString.Contains("reset on close", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("resetonclose", StringComparison.OrdinalIgnoreCase);
        return named ? connectionString : new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
    }
}
