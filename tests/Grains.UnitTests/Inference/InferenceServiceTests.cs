using AIaaS.Engine.Inference;
using AIaaS.Engine.Onnx;
using AIaaS.Grains.Inference;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.UnitTests.Inference;

public sealed class InferenceServiceTests : IDisposable
{
    private static readonly float[] User = [1, 0.5f, 0, 0, 0, 0, 0, -1];
    private readonly string _directory = Directory.CreateTempSubdirectory("aiaas-inference-").FullName;

    // Scoring goes through the batcher, whose regressions show as requests that never complete: bound each wait.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StartAsync_CudaWithoutFallback_ThrowsNamingTheSetting()
    {
        await using var service = Create(new InferenceOptions { ExecutionProvider = ExecutionProviderKind.Cuda, Scorer = ScorerKind.Onnx });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.StartAsync(CancellationToken.None));

        Assert.Contains("AIaaS:Inference:ExecutionProvider", error.Message, StringComparison.Ordinal);
        Assert.Contains("AIaaS:Inference:FallbackToCpu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreAsync_CudaWithFallback_ScoresOnCpu()
    {
        await using var service = Create(new InferenceOptions { ExecutionProvider = ExecutionProviderKind.Cuda, FallbackToCpu = true, Scorer = ScorerKind.Onnx });
        await service.StartAsync(CancellationToken.None);

        var result = await service.ScoreAsync(new InferenceRequest(User, 5, Array.Empty<int>())).WaitAsync(Bound);

        Assert.Equal(5, result.Items.Length);
    }

    [Fact]
    public async Task ScoreAsync_RankingModel_ReordersCandidatesByItsScores()
    {
        var path = Path.Combine(_directory, "reverse.onnx");
        using (var file = File.Create(path)) OnnxRerankerGraph.Write(file, TestModels.Factors, weight: -1f);
        await using var service = Create(new InferenceOptions { RankingModelPath = path, RankingCandidates = 20, Scorer = ScorerKind.Managed });
        await service.StartAsync(CancellationToken.None);
        await using var plain = Create(new InferenceOptions { Scorer = ScorerKind.Managed });

        var reranked = await service.ScoreAsync(new InferenceRequest(User, 5, Array.Empty<int>())).WaitAsync(Bound);
        var builtIn = await plain.ScoreAsync(new InferenceRequest(User, 20, Array.Empty<int>())).WaitAsync(Bound);

        Assert.True(service.HasRankingModel);
        Assert.Equal(builtIn.Items.Reverse().Take(5), reranked.Items);
        for (int i = 0; i < 5; i++) Assert.Equal(-builtIn.Scores[19 - i], reranked.Scores[i], 1e-4f);
    }

    [Fact]
    public async Task StartAsync_RankingModelWithWrongInput_KeepsServingWithBuiltInScorer()
    {
        var path = Path.Combine(_directory, "wrong.onnx");
        using (var file = File.Create(path)) OnnxRerankerGraph.Write(file, TestModels.Factors, userInputName: "user");
        await using var service = Create(new InferenceOptions { RankingModelPath = path, Scorer = ScorerKind.Managed });
        await service.StartAsync(CancellationToken.None);

        var result = await service.ScoreAsync(new InferenceRequest(User, 5, Array.Empty<int>())).WaitAsync(Bound);

        Assert.False(service.HasRankingModel);
        Assert.Equal(5, result.Items.Length);
    }

    [Fact]
    public void Load_RankingModelWithWrongInput_ErrorStatesExpectedSignature()
    {
        var path = Path.Combine(_directory, "wrong2.onnx");
        using (var file = File.Create(path)) OnnxRerankerGraph.Write(file, TestModels.Factors, userInputName: "user");
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions();

        var error = Assert.Throws<InvalidDataException>(() => OnnxCandidateReranker.Load(path, options, 10));

        Assert.Contains(OnnxCandidateReranker.ExpectedSignature, error.Message, StringComparison.Ordinal);
        Assert.Contains("'user'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "AIaaS:Inference:MaxBatchSize")]
    [InlineData(-1, "AIaaS:Inference:MaxQueueDelay")]
    public void Validate_BadValue_NamesTheKey(int value, string key)
    {
        var options = key.EndsWith("MaxBatchSize", StringComparison.Ordinal)
            ? new InferenceOptions { MaxBatchSize = value }
            : new InferenceOptions { MaxQueueDelay = TimeSpan.FromMilliseconds(value) };

        var result = new InferenceOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarmUpAsync_WithoutModel_DoesNothingAndLaterScoringWorks()
    {
        var catalog = new ModelCatalog();
        await using var service = new InferenceService(catalog, Microsoft.Extensions.Options.Options.Create(new InferenceOptions()), NullLogger<InferenceService>.Instance);

        await service.WarmUpAsync().WaitAsync(Bound);
        catalog.Publish(new LoadedModel(TestModels.Create(1, seed: 7)));
        await service.WarmUpAsync().WaitAsync(Bound);
        var result = await service.ScoreAsync(new InferenceRequest(User, 3, ReadOnlyMemory<int>.Empty)).WaitAsync(Bound);

        Assert.Equal(1, result.ModelVersion);
        Assert.Equal(3, result.Items.Length);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static InferenceService Create(InferenceOptions options)
    {
        var catalog = new ModelCatalog();
        catalog.Publish(new LoadedModel(TestModels.Create(1, seed: 7)));
        return new InferenceService(catalog, Microsoft.Extensions.Options.Options.Create(options), NullLogger<InferenceService>.Instance);
    }
}
