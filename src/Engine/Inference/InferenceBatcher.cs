using System.Threading.Channels;
using AIaaS.Engine.Models;

namespace AIaaS.Engine.Inference;

/// <summary>
/// Queues top-k requests and scores them in batches on one dispatch loop: a batch runs when it reaches
/// <see cref="BatchingOptions.MaxBatchSize"/> or its oldest request has waited <see cref="BatchingOptions.MaxQueueDelay"/>.
/// Each batch reads the current model once and holds a lease on that version's scorer, so every result of a
/// batch names the one version that scored it, and a model swap never fails or mixes a request.
/// </summary>
public sealed class InferenceBatcher : IAsyncDisposable
{
    private readonly Channel<Pending> _queue;
    private readonly BatchingOptions _options;
    private readonly ScorerCache _scorers;
    private readonly Func<ModelSnapshot?> _currentModel;
    private readonly TimeProvider _time;
    private readonly BatchBuffers _buffers;
    private readonly Task _loop;
    private volatile bool _disposed;

    /// <summary>Starts the dispatch loop.</summary>
    /// <param name="options">Batch size and queue delay.</param>
    /// <param name="scorers">Scorers per model version; the batcher does not own it.</param>
    /// <param name="currentModel">The model to score with, read once per batch; null when none is loaded.</param>
    /// <param name="reranker">Optional re-ranking of each row's top candidates.</param>
    /// <param name="time">The clock for queue delays.</param>
    public InferenceBatcher(BatchingOptions options, ScorerCache scorers, Func<ModelSnapshot?> currentModel,
        ICandidateReranker? reranker = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scorers);
        ArgumentNullException.ThrowIfNull(currentModel);
        if (options.MaxBatchSize < 1) ThrowHelper.OutOfRange(nameof(options), "MaxBatchSize must be at least 1.");
        if (options.MaxQueuedRequests < 1) ThrowHelper.OutOfRange(nameof(options), "MaxQueuedRequests must be at least 1.");
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.MaxQueuedRequests) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _options = options;
        _scorers = scorers;
        _currentModel = currentModel;
        _time = time ?? TimeProvider.System;
        _buffers = new BatchBuffers(options.MaxBatchSize, reranker);
        _loop = Task.Run(DispatchAsync);
    }

    /// <summary>Queues a request; completes when its batch has been scored.</summary>
    /// <exception cref="InferenceQueueFullException">The queue holds <see cref="BatchingOptions.MaxQueuedRequests"/> already.</exception>
    public Task<InferenceResult> ScoreAsync(InferenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Count < 1) ThrowHelper.OutOfRange(nameof(request), "Count must be at least 1.");
        var pending = new Pending(request, _time.GetTimestamp());
        if (!_queue.Writer.TryWrite(pending))
        {
            // A completed writer refuses too: tell the two apart.
            ObjectDisposedException.ThrowIf(_queue.Reader.Completion.IsCompleted || _disposed, this);
            throw new InferenceQueueFullException(_options.MaxQueuedRequests);
        }

        return pending.Completion.Task;
    }

    /// <summary>Stops taking requests, scores what is queued and ends the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task DispatchAsync()
    {
        var batch = new List<Pending>(_options.MaxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                if (batch.Count == _options.MaxBatchSize) break;
                if (reader.TryPeek(out _)) continue;
                var wait = _options.MaxQueueDelay - _time.GetElapsedTime(batch[0].EnqueuedAt);
                if (wait <= TimeSpan.Zero || !await WaitForMoreAsync(reader, wait).ConfigureAwait(false)) break;
            }

            if (batch.Count > 0) Run(batch);
            batch.Clear();
        }
    }

    /// <summary>True when another request arrived within <paramref name="wait"/>.</summary>
    private async Task<bool> WaitForMoreAsync(ChannelReader<Pending> reader, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait, _time);
        try
        {
            return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Run(List<Pending> batch)
    {
        try
        {
            var model = _currentModel() ?? throw new InvalidOperationException("No model is loaded on this silo.");
            using var lease = _scorers.Acquire(model);
            _buffers.Score(lease.Scorer, batch);
        }
        catch (Exception ex)
        {
            foreach (var pending in batch) pending.Completion.TrySetException(ex);
        }
    }

    internal sealed class Pending(InferenceRequest request, long enqueuedAt)
    {
        public InferenceRequest Request { get; } = request;

        public long EnqueuedAt { get; } = enqueuedAt;

        public TaskCompletionSource<InferenceResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
