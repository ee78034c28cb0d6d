namespace AIaaS.Silo.ClusterTests;

/// <summary>
/// A fact that is skipped, saying why, where PostgreSQL's server binaries are not installed or where Orleans' PostgreSQL
/// scripts are not at hand: they are Orleans' files, not shipped with AIaaS, so the test runs only when
/// <see cref="ScriptsVariable"/> names a folder holding them (docs/cluster.md says where they come from).
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public const string ScriptsVariable = "AIAAS_ORLEANS_POSTGRESQL_SCRIPTS";

    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlServer.CannotRun() is { } reason)
        {
            Skip = reason;
        }
        else if (ScriptsFolder is null)
        {
            Skip = $"Orleans' PostgreSQL scripts are not at hand: set {ScriptsVariable} to the folder that holds PostgreSQL-Main.sql, -Clustering, -Persistence and -Reminders.";
        }
    }

    public static string? ScriptsFolder =>
        Environment.GetEnvironmentVariable(ScriptsVariable) is { Length: > 0 } folder && File.Exists(Path.Combine(folder, "PostgreSQL-Main.sql")) ? folder : null;
}
