namespace AIaaS.Silo.ClusterTests;

/// <summary>A fact that is skipped, saying why, only where PostgreSQL's server binaries are not installed (CI installs them).</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlServer.CannotRun() is { } reason)
        {
            Skip = reason;
        }
    }
}
