using AIaaS.Engine.Models;
using AIaaS.Grains.Models;
using AIaaS.Grains.Storage;
using AIaaS.Storage.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace AIaaS.Storage.IntegrationTests.Contracts;

/// <summary>What every <see cref="IModelStore"/> promises, run against each store by a class that opens an empty one per test.</summary>
public abstract class ModelStoreContract(ITestOutputHelper output) : StoreContract<IModelStore>
{
    [StorageFact]
    public async Task SaveThenLoad_ModelLargerThanAChunk_RoundTripsSnapshotGraphAndItemIndex()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var snapshot = RandomSnapshots.Create(random, 7, items: 24_000, factors: 48);
        var graph = RandomSnapshots.Bytes(random, (2 * ChunkedBlob.ChunkSize) + 17);
        var index = RandomSnapshots.Bytes(random, ChunkedBlob.ChunkSize + 5);

        await Store.SaveAsync(new StoredModel(snapshot, graph, index), None);
        var loaded = await Store.LoadAsync(7, None);

        Assert.True(snapshot.ItemFactors.Length * sizeof(float) > ChunkedBlob.ChunkSize);
        AssertSame(snapshot, loaded.Snapshot);
        Assert.Equal(graph, loaded.ScoringGraph);
        Assert.Equal(index, loaded.ItemIndexBytes);
    }

    [StorageFact]
    public async Task Load_SavedWithoutAGraph_HasNoGraph()
    {
        var snapshot = RandomSnapshots.Create(new Random(1), 2, items: 5, factors: 3);

        await Store.SaveAsync(new StoredModel(snapshot, null), None);
        var loaded = await Store.LoadAsync(2, None);

        Assert.Null(loaded.ScoringGraph);
        Assert.Null(loaded.ItemIndexBytes);
        AssertSame(snapshot, loaded.Snapshot);
    }

    [StorageFact]
    public async Task Save_AgainWithoutAnIndex_LoadsWithoutTheEarlierIndex()
    {
        var snapshot = RandomSnapshots.Create(new Random(3), 4, items: 6, factors: 3);
        await Store.SaveAsync(new StoredModel(snapshot, null, [7, 7, 7]), None);

        await Store.SaveAsync(new StoredModel(snapshot, [1]), None);
        var loaded = await Store.LoadAsync(4, None);

        Assert.Null(loaded.ItemIndexBytes);
        Assert.Equal([1], loaded.ScoringGraph);
    }

    [StorageFact]
    public async Task Save_VersionStoredBefore_ReplacesIt()
    {
        await Store.SaveAsync(new StoredModel(RandomSnapshots.Create(new Random(1), 3, items: 5, factors: 3), [1, 2, 3]), None);
        var second = RandomSnapshots.Create(new Random(2), 3, items: 8, factors: 3);

        await Store.SaveAsync(new StoredModel(second, [4]), None);
        var loaded = await Store.LoadAsync(3, None);

        AssertSame(second, loaded.Snapshot);
        Assert.Equal([4], loaded.ScoringGraph);
        Assert.Equal<long>([3], await Store.ListVersionsAsync(None));
    }

    [StorageFact]
    public async Task ListVersions_AfterSavesAndDeletes_OldestFirstWithoutTheDeleted()
    {
        foreach (var version in new long[] { 30, 10, 20 })
        {
            await Store.SaveAsync(new StoredModel(RandomSnapshots.Create(new Random(1), version, items: 4, factors: 2), null), None);
        }

        var saved = await Store.ListVersionsAsync(None);
        await Store.DeleteAsync(20, None);
        await Store.DeleteAsync(99, None);

        Assert.Equal<long>([10, 20, 30], saved);
        Assert.Equal<long>([10, 30], await Store.ListVersionsAsync(None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.LoadAsync(20, None));
    }

    [StorageFact]
    public async Task Load_VersionNeverStored_ThrowsInvalidOperationExceptionNamingIt()
    {
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.LoadAsync(42, None));

        Assert.Contains("42", missing.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.ListVersionsAsync(None));
    }

    private static void AssertSame(ModelSnapshot expected, ModelSnapshot actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.TrainedAt, actual.TrainedAt);
        Assert.Equal(expected.Options.Factors, actual.Options.Factors);
        Assert.Equal(expected.ItemIds, actual.ItemIds);
        Assert.Equal(expected.ItemFactors, actual.ItemFactors);
        Assert.Equal(expected.ItemGramian, actual.ItemGramian);
        Assert.Equal(expected.UserGramian, actual.UserGramian);
        Assert.Equal(expected.UserCount, actual.UserCount);
        Assert.Equal(expected.Watermark, actual.Watermark);
        Assert.Equal(expected.Metrics, actual.Metrics);
    }
}
