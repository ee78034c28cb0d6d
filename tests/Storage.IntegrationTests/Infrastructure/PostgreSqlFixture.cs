using AIaaS.Silo.ClusterTests;
using AIaaS.Storage.PostgreSql;
using Npgsql;

namespace AIaaS.Storage.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL server for the test run, started on first use (never where it cannot run); each test
/// gets a schema of its own, so that every store starts empty.
/// </summary>
public sealed class PostgreSqlFixture : IDisposable
{
    private readonly Lazy<PostgreSqlServer> _server = new(() => new PostgreSqlServer());

    /// <summary>
    /// A data source over a new, empty schema, with sessions kept across rentals as the silo keeps them; with
    /// <paramref name="migrate"/>, the project's tables in it; <paramref name="sessions"/> bounds its pool.
    /// </summary>
    public async Task<NpgsqlDataSource> NewSchemaAsync(bool migrate = true, int? sessions = null)
    {
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var admin = NpgsqlDataSource.Create(_server.Value.ConnectionString))
        await using (var create = admin.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            // The name is this method's own: no outside value reaches the SQL.
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(_server.Value.ConnectionString) { SearchPath = schema };
        if (sessions is { } size)
        {
            builder.MaxPoolSize = size;
        }

        var dataSource = NpgsqlDataSource.Create(PostgreSqlSessions.Kept(builder.ConnectionString));
        if (migrate)
        {
            await PostgreSqlSchema.EnsureAsync(dataSource, CancellationToken.None);
        }

        return dataSource;
    }

    public void Dispose()
    {
        if (_server.IsValueCreated)
        {
            _server.Value.Dispose();
        }
    }
}
