using AIaaS.Grains.Storage;
using AIaaS.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests;

/// <summary>
/// One silo whose models go to a SQLite model store in a folder of its own, through a wrapper a test puts around
/// the store (to fail saves, or change what loads return); the rest of the silo is as <see cref="TestClusters"/> has it.
/// </summary>
internal sealed class SqliteModelsCluster<TStore> : IAsyncDisposable
    where TStore : IModelStore
{
    private readonly string _folder;
    private readonly SqliteDatabase _database;

    private SqliteModelsCluster(string folder, SqliteDatabase database, TStore models, InProcessTestCluster cluster)
    {
        _folder = folder;
        _database = database;
        Models = models;
        Cluster = cluster;
    }

    public TStore Models { get; }

    public InProcessTestCluster Cluster { get; }

    public static async Task<SqliteModelsCluster<TStore>> StartAsync(Func<IModelStore, TStore> wrap, Action<IServiceCollection> configure)
    {
        var folder = Directory.CreateTempSubdirectory("aiaas-models-").FullName;
        var database = SqliteDatabase.Open(folder);
        var models = wrap(new SqliteModelStore(database));
        var cluster = await TestClusters.StartAsync(1, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IModelStore>(models));
            configure(services);
        });
        return new SqliteModelsCluster<TStore>(folder, database, models, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
