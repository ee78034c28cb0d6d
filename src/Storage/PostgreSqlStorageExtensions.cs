using AIaaS.Grains.Storage;
using AIaaS.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace AIaaS.Storage;

/// <summary>Registers the PostgreSQL stores behind the engine's ports, for a cluster of silos sharing one database.</summary>
public static class PostgreSqlStorageExtensions
{
    /// <summary>
    /// The interaction log, the model store, the item catalog and API keys in the PostgreSQL database <paramref name="connectionString"/> names,
    /// over one <see cref="NpgsqlDataSource"/>. The schema is not touched here: the host runs
    /// <see cref="PostgreSqlSchema.EnsureAsync(NpgsqlDataSource, CancellationToken)"/> at start-up, before the silo.
    /// </summary>
    public static ISiloBuilder AddPostgreSqlEngineStorage(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = silo.Services;
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(PostgreSqlSessions.Kept(connectionString)));
        services.TryAddSingleton<IInteractionLogStore>(sp => new PostgreSqlInteractionLogStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IModelStore>(sp => new PostgreSqlModelStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IItemCatalogStore>(sp => new PostgreSqlItemCatalogStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IApiKeyStore>(sp => new PostgreSqlApiKeyStore(sp.GetRequiredService<NpgsqlDataSource>()));
        return silo;
    }
}
