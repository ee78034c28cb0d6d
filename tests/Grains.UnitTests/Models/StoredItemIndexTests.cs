using AIaaS.Engine.Models;
using AIaaS.Engine.Retrieval;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AIaaS.Grains.UnitTests.Models;

/// <summary>
/// Approximate retrieval's index is built once, by the training, and stored with the version; a silo serves the
/// stored one and builds its own only when what was stored cannot be used.
/// </summary>
public sealed class StoredItemIndexTests : IAsyncLifetime
{
    private SqliteModelsCluster<IndexSubstitutingModelStore> _silo = null!;

    private IndexSubstitutingModelStore Store => _silo.Models;

    private InProcessTestCluster Cluster => _silo.Cluster;

    public async Task InitializeAsync()
    {
        _silo = await SqliteModelsCluster<IndexSubstitutingModelStore>.StartAsync(store => new IndexSubstitutingModelStore(store), services =>
        {
            services.Configure<EngineOptions>(o => o.ModelRefreshInterval = TimeSpan.FromHours(1));
            services.Configure<InferenceOptions>(o => o.Retrieval = RetrievalMode.Ann);
            services.Configure<RetrainingOptions>(TestClusters.QuickTraining);
        });
        var random = new Random(5);
        var events = Enumerable.Range(0, 40).SelectMany(u =>
            Events.Plays($"u{u}", [.. Enumerable.Range(0, 60).OrderBy(_ => random.Next()).Take(8).Select(i => $"item{i}")]));
        await Cluster.Client.GetGrain<IIngestGrain>(0).IngestAsync([.. events]);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private ModelCatalog Catalog => Cluster.Silos[0].ServiceProvider.GetRequiredService<ModelCatalog>();

    [Fact]
    public async Task Train_AnnRetrieval_StoresTheIndexWithTheVersion()
    {
        var status = await TestClusters.TrainAsync(Cluster.Client);

        Assert.Null(status.LastError);
        var stored = await Store.LoadAsync(status.Version!.Value, CancellationToken.None);
        Assert.NotNull(stored.ItemIndexBytes);
        Assert.Equal(stored.ItemIndexBytes.Length, status.Metrics["indexBytes"]);
        Assert.True(status.Metrics["indexSeconds"] > 0);
        using var index = ItemIndex.FromBytes(stored.ItemIndexBytes, stored.Snapshot, new AnnOptions());
        Assert.Equal(stored.Snapshot.ItemCount, index.Items);
    }

    [Fact]
    public async Task Refresh_VersionStoredWithAnIndex_ServesTheStoredIndexWithoutBuildingOne()
    {
        // Handed an index of other factors of the same shape, the silo serves it: it did not build its own. Built once,
        // so every load reads the same bytes (a build from every core need not give the same graph twice).
        var gate = new object();
        byte[]? substitute = null;
        Store.Substitute = stored =>
        {
            lock (gate)
            {
                if (substitute is null)
                {
                    using var other = ItemIndex.Build(Scrambled(stored.Snapshot), new AnnOptions());
                    substitute = other.ToBytes();
                }

                return substitute;
            }
        };

        var version = await TrainAndRefreshAsync();

        var served = Catalog.Current!.ItemIndex!;
        var snapshot = Catalog.Current.Snapshot;
        using var stored = ItemIndex.FromBytes((await Store.LoadAsync(version, CancellationToken.None)).ItemIndexBytes, snapshot, new AnnOptions());
        using var ownBuild = ItemIndex.Build(snapshot, new AnnOptions());
        var differs = false;
        for (var item = 0; item < snapshot.ItemCount; item += 7)
        {
            var query = snapshot.ItemFactors.AsSpan(item * snapshot.Factors, snapshot.Factors);
            var (fromServed, fromStored, fromOwn) = (new int[5], new int[5], new int[5]);
            served.Search(query, fromServed);
            stored.Search(query, fromStored);
            ownBuild.Search(query, fromOwn);
            Assert.Equal(fromStored, fromServed);
            differs |= !fromOwn.SequenceEqual(fromServed);
        }

        Assert.True(differs, "the substituted index answered as the silo's own build would: the test shows nothing");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("larger catalog")]
    public async Task Refresh_StoredIndexUnusable_BuildsItsOwnAndServes(string kind)
    {
        Store.Substitute = stored => kind == "garbage"
            ? [1, 2, 3, 4]
            : IndexOfMoreItemsThan(stored.Snapshot);

        await TrainAndRefreshAsync();

        var loaded = Catalog.Current!;
        Assert.NotNull(loaded.ItemIndex);
        Assert.Equal(loaded.Snapshot.ItemCount, loaded.ItemIndex.Items);
        var top = await Cluster.Client.GetGrain<IUserGrain>("u3").RecommendAsync(RecommendationRequest.Top(5));
        Assert.Equal(5, top.Items.Length);
    }

    private async Task<long> TrainAndRefreshAsync()
    {
        var status = await TestClusters.TrainAsync(Cluster.Client);
        Assert.Null(status.LastError);
        await Cluster.Silos[0].ServiceProvider.GetRequiredService<ModelCatalogRefresher>().RefreshAsync();
        Assert.Equal(status.Version, Catalog.Current?.Version);
        return status.Version!.Value;
    }

    /// <summary>The same version, items and shape with every factor row moved to another item.</summary>
    private static ModelSnapshot Scrambled(ModelSnapshot model)
    {
        int k = model.Factors, n = model.ItemCount;
        var factors = new float[model.ItemFactors.Length];
        for (var i = 0; i < n; i++) model.ItemFactors.AsSpan(((i * 7) + 3) % n * k, k).CopyTo(factors.AsSpan(i * k, k));
        return new ModelSnapshot(model.Version, model.TrainedAt, model.Options, model.ItemIds, factors,
            model.ItemGramian, model.UserGramian, model.UserCount, model.Watermark, model.Metrics);
    }

    private static byte[] IndexOfMoreItemsThan(ModelSnapshot model)
    {
        int k = model.Factors, n = model.ItemCount + 1;
        var factors = new float[n * k];
        model.ItemFactors.CopyTo(factors, 0);
        var larger = new ModelSnapshot(model.Version, model.TrainedAt, model.Options, [.. model.ItemIds, "extra"], factors,
            model.ItemGramian, model.UserGramian, model.UserCount, model.Watermark, model.Metrics);
        using var index = ItemIndex.Build(larger, new AnnOptions());
        return index.ToBytes();
    }
}
