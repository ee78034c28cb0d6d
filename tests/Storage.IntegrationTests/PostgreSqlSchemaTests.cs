using AIaaS.Silo.ClusterTests;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.PostgreSql;
using AIaaS.Storage.Schema;
using Npgsql;

namespace AIaaS.Storage.IntegrationTests;

/// <summary>The project's PostgreSQL migrations, as the silo and `aiaas db init` apply them.</summary>
[RequiresPostgreSql, Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSchemaTests(PostgreSqlFixture postgres)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [StorageFact]
    public async Task EnsureAsync_EmptyDatabaseThenAgain_AppliesEveryMigrationOnceThenNothing()
    {
        await using var dataSource = await postgres.NewSchemaAsync(migrate: false);

        var first = await PostgreSqlSchema.EnsureAsync(dataSource, None);
        var second = await PostgreSqlSchema.EnsureAsync(dataSource, None);

        Assert.Equal(["001_log.sql", "002_models.sql", "003_catalog.sql", "004_api_keys.sql", "005_log_users_listed.sql", "006_item_counts_by_partition.sql"], first.Select(m => m.Name));
        Assert.Empty(second);
        Assert.Equal(first.Count, await ScalarAsync<long>(dataSource, "SELECT COUNT(*) FROM aiaas_schema_version"));
        Assert.Equal(PostgreSqlSchema.Latest, await ScalarAsync<int>(dataSource, "SELECT MAX(version) FROM aiaas_schema_version"));
    }

    [StorageFact]
    public async Task EnsureAsync_SilosStartingTogether_ApplyEachMigrationOnce()
    {
        await using var dataSource = await postgres.NewSchemaAsync(migrate: false);

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgreSqlSchema.EnsureAsync(dataSource, None))));

        Assert.Equal(PostgreSqlSchema.Migrations.Count, applied.Sum(a => a.Count));
        Assert.Single(applied, a => a.Count > 0);
    }

    [StorageFact]
    public async Task EnsureAsync_DatabaseMigratedByANewerBuild_ThrowsNamingTheSetting()
    {
        await using var dataSource = await postgres.NewSchemaAsync();
        await ScalarAsync<int>(dataSource, "INSERT INTO aiaas_schema_version (version, name) VALUES (999, '999_future.sql') RETURNING version");

        var refused = await Assert.ThrowsAsync<StorageStartupException>(() => PostgreSqlSchema.EnsureAsync(dataSource, None));

        Assert.Contains("ConnectionStrings:PostgreSql", refused.Message, StringComparison.Ordinal);
        Assert.Contains("999", refused.Message, StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task EnsureAsync_Tables_AllPrefixedSoTheyNeverMeetOrleansTables()
    {
        await using var dataSource = await postgres.NewSchemaAsync();

        await using var command = dataSource.CreateCommand("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("aiaas_interaction_log", tables);
        Assert.Contains("aiaas_model_chunks", tables);
        Assert.Contains("aiaas_catalog", tables);
        Assert.Contains("aiaas_catalog_revision", tables);
        Assert.All(tables, table => Assert.StartsWith("aiaas_", table, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureAsync_ServerNotListening_ThrowsNamingTheSetting()
    {
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={FreePort.Next()};Username=aiaas;Database=aiaas;Timeout=5");

        var refused = await Assert.ThrowsAsync<StorageStartupException>(() => PostgreSqlSchema.EnsureAsync(dataSource, None));

        Assert.StartsWith("ConnectionStrings:PostgreSql: cannot use PostgreSQL database 'aiaas' at 127.0.0.1:", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
