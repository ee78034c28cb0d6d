using AIaaS.Grains.Catalog;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Trending;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests;

/// <summary>
/// A trained cluster with a catalog: three taste groups of 40 items (categories drama, comedy, news; every fourth
/// item tagged "hd"; two comedy items also in the rare category "opera"), each consumed by its own 20 users.
/// </summary>
public sealed class CatalogFixture : IAsyncLifetime
{
    public static readonly string[] Groups = ["drama", "comedy", "news"];
    public const int ItemsPerGroup = 40;
    public const int UsersPerGroup = 20;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public IServiceProvider Services => Cluster.Silos[0].ServiceProvider;

    public static string Item(int group, int i) => $"{Groups[group]}-{i}";

    public static string User(int group, int u) => $"{Groups[group]}-fan-{u}";

    public static ItemMetadata MetadataOf(int group, int i) => new(
        $"{Groups[group]} {i}",
        i % 4 == 0 ? ["hd"] : [],
        null,
        null,
        group == 1 && i < 2 ? [Groups[group], "opera"] : [Groups[group]]);

    public async Task InitializeAsync()
    {
        Cluster = await TestClusters.StartTrainingAsync(logPartitions: 2);

        var random = new Random(11);
        for (var g = 0; g < Groups.Length; g++)
        {
            for (var i = 0; i < ItemsPerGroup; i++)
            {
                await Client.GetGrain<IItemGrain>(Item(g, i)).UpsertAsync(MetadataOf(g, i));
            }

            for (var u = 0; u < UsersPerGroup; u++)
            {
                var items = Enumerable.Range(0, ItemsPerGroup).OrderBy(_ => random.Next()).Take(12).Select(i => Item(g, i)).ToArray();
                await Client.GetGrain<IUserGrain>(User(g, u)).TrackAsync(Events.Plays(User(g, u), items));
            }
        }

        await TestClusters.TrainAsync(Client);
        await RefreshAsync();
    }

    /// <summary>Reads the model, the catalog's changes and trending on the silo now, rather than waiting for its timers.</summary>
    public async Task RefreshAsync()
    {
        await Services.GetRequiredService<ModelCatalogRefresher>().RefreshAsync();
        await Services.GetRequiredService<ItemCatalogRefresher>().RefreshAsync();
        await Services.GetRequiredService<TrendingPublisher>().RefreshAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class CatalogCollection : ICollectionFixture<CatalogFixture>
{
    public const string Name = "catalog";
}
