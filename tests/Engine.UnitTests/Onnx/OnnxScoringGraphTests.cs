using AIaaS.Engine.Inference;
using AIaaS.Engine.Onnx;
using AIaaS.Engine.Scoring;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace AIaaS.Engine.UnitTests.Onnx;

public class OnnxScoringGraphTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(11, 3, 500, 16, 10)]
    [InlineData(12, 8, 2000, 64, 50)]
    public void Write_LoadedInOnnxRuntime_MatchesManagedTopK(int seed, int users, int items, int k, int count)
    {
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var model = RandomModels.Create(random, 1, items, k);
        var userRows = RandomModels.Vector(random, users * k);
        using var session = new InferenceSession(OnnxScoringGraph.ToBytes(model, defaultTopK: count));
        using var input = OrtValue.CreateTensorValueFromMemory(userRows, [users, k]);
        using var runOptions = new RunOptions();

        using var results = session.Run(runOptions, new Dictionary<string, OrtValue> { [OnnxScoringGraph.UserVectors] = input },
            [OnnxScoringGraph.Scores, OnnxScoringGraph.ItemIndices]);

        var scores = results[0].GetTensorDataAsSpan<float>().ToArray();
        var indices = results[1].GetTensorDataAsSpan<long>().ToArray();
        Assert.Equal([users, count], results[0].GetTensorTypeAndShape().Shape);
        var expectedIndices = new int[users * count];
        var expectedScores = new float[users * count];
        TopK.RecommendBatch(userRows, model.ItemFactors, k, count, [], [], expectedIndices, expectedScores);
        Assert.Equal(expectedIndices, indices.Select(i => (int)i));
        for (int i = 0; i < scores.Length; i++) Assert.Equal(expectedScores[i], scores[i], 1e-4f);
    }

    [Fact]
    public void Score_OnnxWithExclusions_MatchesManagedScorer()
    {
        const int seed = 21, users = 5, items = 300, k = 8, count = 7;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var model = RandomModels.Create(random, 3, items, k);
        var userRows = RandomModels.Vector(random, users * k);
        int[] offsets = [0, 0, 3, 3, 23, 24];
        var exclude = Enumerable.Range(0, offsets[^1]).Select(_ => random.Next(items)).ToArray();
        var (onnxIndices, onnxScores) = (new int[users * count], new float[users * count]);
        var (managedIndices, managedScores) = (new int[users * count], new float[users * count]);
        using var options = new SessionOptions();
        using var onnx = new OnnxBatchScorer(model, options);
        using var managed = new ManagedBatchScorer(model);

        onnx.Score(userRows, users, count, exclude, offsets, onnxIndices, onnxScores);
        managed.Score(userRows, users, count, exclude, offsets, managedIndices, managedScores);

        Assert.Equal(managedIndices, onnxIndices);
        for (int i = 0; i < onnxScores.Length; i++) Assert.Equal(managedScores[i], onnxScores[i], 1e-4f);
    }

    [Fact]
    public void Score_OneRowExcludesMoreThanTheExtraCandidates_MatchesManagedScorer()
    {
        // Row 1 has seen its own best 200 items: more than the candidates TopK adds for exclusions.
        const int seed = 22, users = 3, items = 400, k = 8, count = 5, seen = 200;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var model = RandomModels.Create(random, 3, items, k);
        var userRows = RandomModels.Vector(random, users * k);
        using var managed = new ManagedBatchScorer(model);
        var (ranked, rankedScores) = (new int[items], new float[items]);
        managed.Score(userRows.AsSpan(k, k).ToArray(), 1, items, [], [], ranked, rankedScores);
        var exclude = ranked[..seen];
        int[] offsets = [0, 0, seen, seen];
        var (onnxIndices, onnxScores) = (new int[users * count], new float[users * count]);
        var (managedIndices, managedScores) = (new int[users * count], new float[users * count]);
        using var options = new SessionOptions();
        using var onnx = new OnnxBatchScorer(model, options);

        onnx.Score(userRows, users, count, exclude, offsets, onnxIndices, onnxScores);
        managed.Score(userRows, users, count, exclude, offsets, managedIndices, managedScores);

        Assert.True(seen > OnnxBatchScorer.MaxExtraCandidates);
        Assert.Equal(ranked[seen..(seen + count)], onnxIndices[count..(2 * count)]);
        Assert.Equal(managedIndices, onnxIndices);
    }

    [Fact]
    public void Write_ZeroTopK_Throws()
    {
        var model = RandomModels.Create(new Random(1), 1, 10, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxScoringGraph.Write(model, Stream.Null, defaultTopK: 0));
    }

    [Fact]
    public void IsGraphOf_OwnExport_HoldsAndOtherVersionOrShapeOrBytesDoNot()
    {
        var random = new Random(5);
        var model = RandomModels.Create(random, 4, 30, 8);
        var graph = OnnxScoringGraph.ToBytes(model);

        Assert.True(OnnxScoringGraph.IsGraphOf(graph, model));
        Assert.False(OnnxScoringGraph.IsGraphOf(graph, RandomModels.Create(random, 5, 30, 8)));
        Assert.False(OnnxScoringGraph.IsGraphOf(graph, RandomModels.Create(random, 4, 31, 8)));
        Assert.False(OnnxScoringGraph.IsGraphOf(graph, RandomModels.Create(random, 4, 30, 4)));
        Assert.False(OnnxScoringGraph.IsGraphOf(graph.AsSpan(0, graph.Length / 2), model));
    }

    [Fact]
    public void Score_SessionFromStoredGraph_MatchesSessionFromExport()
    {
        const int users = 4, count = 6, k = 8;
        var random = new Random(31);
        var model = RandomModels.Create(random, 2, 200, k);
        var userRows = RandomModels.Vector(random, users * k);
        var (storedIndices, storedScores) = (new int[users * count], new float[users * count]);
        var (exportedIndices, exportedScores) = (new int[users * count], new float[users * count]);
        using var options = new SessionOptions();
        using var stored = new OnnxBatchScorer(model, OnnxScoringGraph.ToBytes(model), options);
        using var exported = new OnnxBatchScorer(model, options);

        stored.Score(userRows, users, count, [], [], storedIndices, storedScores);
        exported.Score(userRows, users, count, [], [], exportedIndices, exportedScores);

        Assert.Equal(exportedIndices, storedIndices);
        Assert.Equal(exportedScores, storedScores);
        Assert.DoesNotContain(-1, storedIndices);
    }
}
