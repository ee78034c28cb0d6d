using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using AIaaS.Storage.Memory;
using AIaaS.Storage.PostgreSql;
using AIaaS.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIaaS.Storage.IntegrationTests;

/// <summary>Which item catalog each storage registration gives a silo.</summary>
public sealed class StorageRegistrationTests
{
    [Fact]
    public async Task AddMemoryEngineStorage_SharedCatalog_EverySiloGetsThatStore()
    {
        var catalog = new MemoryItemCatalogStore();

        await using var first = Silo(s => s.AddMemoryEngineStorage(catalog: catalog));
        await using var second = Silo(s => s.AddMemoryEngineStorage(new MemoryInteractionLogStore(), catalog));

        Assert.Same(catalog, first.GetRequiredService<IItemCatalogStore>());
        Assert.Same(catalog, second.GetRequiredService<IItemCatalogStore>());
    }

    [Fact]
    public async Task AddMemoryEngineStorage_NoCatalogGiven_EachSiloItsOwn()
    {
        await using var first = Silo(s => s.AddMemoryEngineStorage());
        await using var second = Silo(s => s.AddMemoryEngineStorage());

        Assert.IsType<MemoryItemCatalogStore>(first.GetRequiredService<IItemCatalogStore>());
        Assert.NotSame(first.GetRequiredService<IItemCatalogStore>(), second.GetRequiredService<IItemCatalogStore>());
    }

    [Fact]
    public async Task AddSqliteEngineStorage_LogAndModels_TheSqliteCatalogBesideTheLog()
    {
        using var folder = new TempFolder();
        await using var silo = Silo(s => s.AddSqliteEngineStorage(folder.Path, logAndModels: true, grainState: false));

        Assert.IsType<SqliteItemCatalogStore>(silo.GetRequiredService<IItemCatalogStore>());
        Assert.IsType<SqliteInteractionLogStore>(silo.GetRequiredService<IInteractionLogStore>());
    }

    [Fact]
    public async Task AddSqliteEngineStorage_GrainStateOnly_NoCatalog()
    {
        using var folder = new TempFolder();
        await using var silo = Silo(s => s.AddSqliteEngineStorage(folder.Path, logAndModels: false, grainState: true));

        Assert.Null(silo.GetService<IItemCatalogStore>());
    }

    [Fact]
    public async Task AddPostgreSqlEngineStorage_AnyConnectionString_ThePostgreSqlCatalogWithoutConnecting()
    {
        await using var silo = Silo(s => s.AddPostgreSqlEngineStorage("Host=127.0.0.1;Port=1;Username=aiaas;Database=aiaas"));

        Assert.IsType<PostgreSqlItemCatalogStore>(silo.GetRequiredService<IItemCatalogStore>());
    }

    private static ServiceProvider Silo(Action<ISiloBuilder> configure)
    {
        var builder = new ServicesOnlySiloBuilder(new ServiceCollection());
        configure(builder);
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>Just enough of a silo builder for registrations that touch only its services.</summary>
    private sealed class ServicesOnlySiloBuilder(IServiceCollection services) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
    }
}
