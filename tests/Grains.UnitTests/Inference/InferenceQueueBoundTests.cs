using AIaaS.Engine.Inference;
using AIaaS.Engine.Models;

namespace AIaaS.Grains.UnitTests.Inference;

public sealed class InferenceQueueBoundTests
{
    private static readonly float[] User = [1, 0, 0, 0, 0, 0, 0, 0];

    [Fact]
    public async Task ScoreAsync_QueueFull_RefusesAtOnceAndScoresWhatWasQueued()
    {
        var model = TestModels.Create(1, seed: 4);
        using var gate = new GatedScorer(new ManagedBatchScorer(model));
        using var scorers = new ScorerCache(_ => gate);
        await using var batcher = new InferenceBatcher(new BatchingOptions { MaxBatchSize = 1, MaxQueuedRequests = 2 }, scorers, () => model);
        var first = batcher.ScoreAsync(new InferenceRequest(User, 3, Array.Empty<int>()));
        Assert.True(gate.Entered.Wait(TimeSpan.FromSeconds(30)), "the first batch never reached the scorer");

        // The first request is being scored; two more fill the queue.
        var queued = new[] { batcher.ScoreAsync(new InferenceRequest(User, 3, Array.Empty<int>())), batcher.ScoreAsync(new InferenceRequest(User, 3, Array.Empty<int>())) };
        var refused = Assert.Throws<InferenceQueueFullException>(() => { _ = batcher.ScoreAsync(new InferenceRequest(User, 3, Array.Empty<int>())); });
        gate.Open.Set();

        Assert.Contains("2 requests waiting", refused.Message, StringComparison.Ordinal);
        var results = await Task.WhenAll(queued.Prepend(first)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(results, r => Assert.Equal(3, r.Items.Length));
    }

    /// <summary>Holds every batch until <see cref="Open"/> is set, and says when the first one arrived.</summary>
    private sealed class GatedScorer(IBatchScorer inner) : IBatchScorer
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Open { get; } = new();

        public ModelSnapshot Model => inner.Model;

        public void Score(float[] users, int rows, int count, ReadOnlySpan<int> exclude, ReadOnlySpan<int> excludeOffsets, Span<int> topIndices, Span<float> topScores)
        {
            Entered.Set();
            Open.Wait(TimeSpan.FromSeconds(30));
            inner.Score(users, rows, count, exclude, excludeOffsets, topIndices, topScores);
        }

        public void Dispose()
        {
            Entered.Dispose();
            Open.Dispose();
        }
    }
}
