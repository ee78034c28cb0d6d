using AIaaS.Grains;
using AIaaS.Grains.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Memory;
using AIaaS.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;

namespace AIaaS.Storage;

/// <summary>
/// Registers the stores behind the engine's ports (<see cref="IInteractionLogStore"/>, <see cref="IModelStore"/>,
/// <see cref="IItemCatalogStore"/>, <see cref="IApiKeyStore"/>) and, optionally, grain state.
/// </summary>
public static class EngineStorageExtensions
{
    /// <summary>
    /// One SQLite database under <paramref name="dataPath"/> holding, as asked, the log, the model store, the item
    /// catalog and API keys (<paramref name="logAndModels"/>) and the default grain storage (<paramref name="grainState"/>).
    /// </summary>
    public static ISiloBuilder AddSqliteEngineStorage(this ISiloBuilder silo, string dataPath, bool logAndModels, bool grainState)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        var services = silo.Services;
        services.TryAddSingleton(_ => SqliteDatabase.Open(dataPath));
        if (logAndModels)
        {
            services.TryAddSingleton<IInteractionLogStore>(sp => new SqliteInteractionLogStore(sp.GetRequiredService<SqliteDatabase>()));
            services.TryAddSingleton<IModelStore>(sp => new SqliteModelStore(sp.GetRequiredService<SqliteDatabase>()));
            services.TryAddSingleton<IItemCatalogStore>(sp => new SqliteItemCatalogStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetService<TimeProvider>()));
            services.TryAddSingleton<IApiKeyStore>(sp => new SqliteApiKeyStore(sp.GetRequiredService<SqliteDatabase>()));
        }

        if (grainState)
        {
            // Orleans resolves the default provider unkeyed for [PersistentState] without a storage name, and by name elsewhere.
            services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (sp, _) =>
                new SqliteGrainStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IGrainStorageSerializer>()));
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default));
        }

        return silo;
    }

    /// <summary>
    /// The log, the item catalog and API keys in process memory and models in the default grain storage: for tests.
    /// Pass one <paramref name="log"/>, one <paramref name="catalog"/> and one <paramref name="keys"/> to every silo of an
    /// in-process cluster so that they share them, as they would a database.
    /// </summary>
    public static ISiloBuilder AddMemoryEngineStorage(
        this ISiloBuilder silo, MemoryInteractionLogStore? log = null, MemoryItemCatalogStore? catalog = null, MemoryApiKeyStore? keys = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.TryAddSingleton<IApiKeyStore>(keys ?? new MemoryApiKeyStore());
        silo.Services.TryAddSingleton<IInteractionLogStore>(log ?? new MemoryInteractionLogStore());
        silo.Services.TryAddSingleton<IItemCatalogStore>(sp => catalog ?? new MemoryItemCatalogStore(sp.GetService<TimeProvider>()));
        silo.Services.TryAddSingleton<IModelStore>(sp => new ModelStore(sp.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default)));
        return silo;
    }
}
