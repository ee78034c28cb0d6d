using AIaaS.Engine.Inference;
using Microsoft.Extensions.Time.Testing;

namespace AIaaS.Grains.UnitTests.Inference;

public class InferenceBatcherTests
{
    private static readonly float[] User = [1, 0, 0, 0, 0, 0, 0, 0];
    private static readonly int[] FirstTwo = [0, 1];

    // A batcher that stops dispatching leaves its requests pending forever: bound each wait so the test fails instead.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ScoreAsync_BatchFills_RunsWithoutWaitingForTheDelay()
    {
        var time = new FakeTimeProvider();
        var model = TestModels.Create(1, seed: 1);
        using var scorers = new ScorerCache(m => new ManagedBatchScorer(m));
        await using var batcher = new InferenceBatcher(new BatchingOptions { MaxBatchSize = 4, MaxQueueDelay = TimeSpan.FromHours(1) },
            scorers, () => model, time: time);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => batcher.ScoreAsync(new InferenceRequest(User, 3, Array.Empty<int>())))).WaitAsync(Bound);

        Assert.All(results, r => Assert.Equal(3, r.Items.Length));
    }

    [Fact]
    public async Task ScoreAsync_LoneRequest_RunsOnceTheQueueDelayPasses()
    {
        var time = new FakeTimeProvider();
        var model = TestModels.Create(1, seed: 2);
        using var scorers = new ScorerCache(m => new ManagedBatchScorer(m));
        await using var batcher = new InferenceBatcher(new BatchingOptions { MaxBatchSize = 64, MaxQueueDelay = TimeSpan.FromMilliseconds(2) },
            scorers, () => model, time: time);

        var pending = batcher.ScoreAsync(new InferenceRequest(User, 3, FirstTwo));
        Assert.False(pending.IsCompleted);

        // The dispatch loop arms its delay on its own thread, possibly after an Advance: keep the fake clock
        // moving until the request completes, so the test can neither race nor hang (bounded by the timeout).
        using var timeout = new CancellationTokenSource(Bound);
        while (!pending.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(2));
            await Task.Delay(1, timeout.Token);
        }

        var result = await pending.WaitAsync(Bound);

        Assert.Equal(1, result.ModelVersion);
        Assert.DoesNotContain(0, result.Items);
        Assert.DoesNotContain(1, result.Items);
    }

    [Fact]
    public async Task ScoreAsync_VectorOfOtherFactorCount_ReturnsEmptyResultNamingVersion()
    {
        var model = TestModels.Create(5, seed: 3);
        using var scorers = new ScorerCache(m => new ManagedBatchScorer(m));
        await using var batcher = new InferenceBatcher(new BatchingOptions { MaxBatchSize = 1 }, scorers, () => model);

        var result = await batcher.ScoreAsync(new InferenceRequest(new float[3], 3, Array.Empty<int>())).WaitAsync(Bound);

        Assert.Equal(5, result.ModelVersion);
        Assert.Empty(result.Items);
    }

    [Fact]
    public async Task ScoreAsync_NoModel_FailsTheRequest()
    {
        using var scorers = new ScorerCache(m => new ManagedBatchScorer(m));
        await using var batcher = new InferenceBatcher(new BatchingOptions { MaxBatchSize = 1 }, scorers, () => null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.ScoreAsync(new InferenceRequest(User, 3, Array.Empty<int>())).WaitAsync(Bound));
    }
}
