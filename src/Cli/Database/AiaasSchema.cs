using AIaaS.Storage.PostgreSql;
using Npgsql;

namespace AIaaS.Cli.Database;

/// <summary>The project's own tables (the interaction log, the models): the migrations the silo applies at start-up, run ahead of it.</summary>
internal static class AiaasSchema
{
    /// <summary>Applies the migrations the database lacks; returns one line saying what was applied.</summary>
    public static async Task<string> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = await PostgreSqlSchema.EnsureAsync(connection, cancellationToken);
        return applied.Count == 0
            ? $"aiaas tables: schema version {PostgreSqlSchema.Latest} is current, nothing to apply"
            : $"aiaas tables: applied {string.Join(", ", applied.Select(m => m.Name))} (schema version {PostgreSqlSchema.Latest})";
    }
}
