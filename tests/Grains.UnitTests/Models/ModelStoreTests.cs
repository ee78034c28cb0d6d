using AIaaS.Engine.Onnx;
using AIaaS.Grains.Models;
using AIaaS.Grains.UnitTests.Inference;

namespace AIaaS.Grains.UnitTests.Models;

public sealed class ModelStoreTests
{
    [Fact]
    public async Task SaveThenLoad_ModelLargerThanAChunk_RoundTripsSnapshotAndGraphInChunksOfAtMost4MB()
    {
        var storage = new RecordingGrainStorage();
        var store = new ModelStore(storage);
        var snapshot = TestModels.Create(5_000, seed: 3);
        var graph = OnnxScoringGraph.ToBytes(snapshot);

        await store.SaveAsync(new StoredModel(snapshot, graph), CancellationToken.None);
        var loaded = await store.LoadAsync(5_000, CancellationToken.None);

        var chunks = storage.Records.Values.OfType<ModelChunk>().ToList();
        Assert.True(chunks.Count >= 4, $"{chunks.Count} records");
        Assert.All(chunks, chunk => Assert.InRange(chunk.Data.Length, 1, ModelStore.ChunkSize));
        Assert.Equal(graph, loaded.ScoringGraph);
        Assert.True(OnnxScoringGraph.IsGraphOf(loaded.ScoringGraph, loaded.Snapshot));
        Assert.Equal(snapshot.ItemIds, loaded.Snapshot.ItemIds);
        Assert.Equal(snapshot.ItemFactors, loaded.Snapshot.ItemFactors);
    }

    [Fact]
    public async Task Load_SnapshotStoredWithoutGraph_HasNoGraph()
    {
        var store = new ModelStore(new RecordingGrainStorage());
        await store.SaveAsync(new StoredModel(TestModels.Create(2, seed: 1), null), CancellationToken.None);

        var loaded = await store.LoadAsync(2, CancellationToken.None);

        Assert.Null(loaded.ScoringGraph);
        Assert.Equal(2, loaded.Snapshot.Version);
    }

    [Fact]
    public async Task SaveThenLoad_WithAnItemIndex_RoundTripsItAndASaveWithoutOneDropsIt()
    {
        var storage = new RecordingGrainStorage();
        var store = new ModelStore(storage);
        var snapshot = TestModels.Create(3, seed: 4);
        var index = new byte[ModelStore.ChunkSize + 9];
        new Random(4).NextBytes(index);

        await store.SaveAsync(new StoredModel(snapshot, [5], index), CancellationToken.None);
        var loaded = await store.LoadAsync(3, CancellationToken.None);
        await store.SaveAsync(new StoredModel(snapshot, null), CancellationToken.None);
        var saved = await store.LoadAsync(3, CancellationToken.None);
        await store.DeleteAsync(3, CancellationToken.None);

        Assert.Equal(index, loaded.ItemIndexBytes);
        Assert.Null(saved.ItemIndexBytes);
        Assert.Null(saved.ScoringGraph);
        Assert.DoesNotContain(storage.Records.Values, record => record is ModelChunk);
    }

    [Fact]
    public async Task Load_MissingVersionOrChunk_ThrowsNamingIt()
    {
        var storage = new RecordingGrainStorage();
        var store = new ModelStore(storage);
        await store.SaveAsync(new StoredModel(TestModels.Create(5_000, seed: 2), null), CancellationToken.None);
        storage.Records.Remove(storage.Records.Keys.Single(key => key.Name == "model-chunk-1"));

        var missingVersion = await Assert.ThrowsAsync<InvalidOperationException>(() => store.LoadAsync(7, CancellationToken.None));
        var missingChunk = await Assert.ThrowsAsync<InvalidDataException>(() => store.LoadAsync(5_000, CancellationToken.None));

        Assert.Contains("version 7", missingVersion.Message, StringComparison.Ordinal);
        Assert.Contains("Chunk 1 of 2", missingChunk.Message, StringComparison.Ordinal);
    }
}
