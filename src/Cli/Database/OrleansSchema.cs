using Npgsql;

namespace AIaaS.Cli.Database;

/// <summary>
/// The PostgreSQL scripts Orleans' ADO.NET clustering, grain storage and reminder providers need, in the order they
/// must run. They are Orleans' own (dotnet/orleans, src/AdoNet, for the Orleans version the silo uses) and are not
/// shipped with AIaaS: the operator points --scripts at them. Each script is skipped when the table it creates
/// exists (the scripts themselves are not re-runnable), and each runs in its own transaction so a failure leaves
/// no half-made schema behind.
/// </summary>
internal static class OrleansSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("PostgreSQL-Main.sql", "orleansquery"),
        new("PostgreSQL-Clustering.sql", "orleansmembershiptable"),
        new("PostgreSQL-Persistence.sql", "orleansstorage"),
        new("PostgreSQL-Reminders.sql", "orleansreminderstable"),
    ];

    /// <summary>Applies every missing script; returns one line per script saying what happened.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlConnection connection, string folder, CancellationToken cancellationToken)
    {
        // Every script is read before any is applied: a missing one fails with nothing changed.
        var texts = Scripts.Select(script => script.ReadText(folder)).ToList();
        var report = new List<string>();
        foreach (var (script, text) in Scripts.Zip(texts))
        {
            if (await TableExistsAsync(connection, script.Table, cancellationToken))
            {
                report.Add($"{script.Name}: skipped, table {script.Table} exists");
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand(text, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            report.Add($"{script.Name}: applied");
        }

        return report;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
