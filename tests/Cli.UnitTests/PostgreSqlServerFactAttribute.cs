using AIaaS.Silo.ClusterTests;

namespace AIaaS.Cli.UnitTests;

/// <summary>A fact that needs a throwaway PostgreSQL server: skipped, saying why, only where one cannot run (CI installs it).</summary>
public sealed class PostgreSqlServerFactAttribute : FactAttribute
{
    public PostgreSqlServerFactAttribute()
    {
        if (PostgreSqlServer.CannotRun() is { } reason)
        {
            Skip = reason;
        }
    }
}
