using System.Threading.Channels;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIaaS.Client;

/// <summary>
/// The <see cref="IEventTracker"/>: a bounded channel read by one background loop that sends a batch when it
/// holds <see cref="EventTrackerOptions.BatchSize"/> events, at each <see cref="EventTrackerOptions.FlushInterval"/>,
/// on <see cref="FlushAsync"/>, and everything that is left on <see cref="StopAsync"/> or dispose.
/// </summary>
public sealed class EventTracker : IEventTracker, IDisposable
{
    private readonly Channel<TrackerEntry> _queue;
    private readonly EventTrackerOptions _options;
    private readonly EventSender _sender;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _loop;
    private long _queued;
    private long _dropped;
    private long _droppedReported;
    private int _tickPending;
    private int _stopped;

    /// <summary>Starts a tracker that sends through <paramref name="client"/>.</summary>
    /// <param name="client">Where batches go (its batch <c>TrackAsync</c>).</param>
    /// <param name="options">Queue, batch and retry settings; the defaults when null.</param>
    /// <param name="logger">Where failures and drops are logged.</param>
    /// <param name="timeProvider">The clock of the flush interval and retry delays; the system clock when null.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public EventTracker(
        IRecommendationClient client,
        EventTrackerOptions? options = null,
        ILogger<EventTracker>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _options = options ?? new EventTrackerOptions();
        if (_options.Problems(nameof(EventTrackerOptions)).FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<EventTracker>.Instance;
        _sender = new EventSender(client, _options, time, _logger);
        _queue = Channel.CreateBounded<TrackerEntry>(new BoundedChannelOptions(_options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
        _timer = time.CreateTimer(_ => OnTick(), null, _options.FlushInterval, _options.FlushInterval);
    }

    /// <inheritdoc />
    public EventTrackerStats Stats => new(
        Interlocked.Read(ref _queued),
        _sender.Sent,
        Interlocked.Read(ref _dropped),
        _sender.Failed,
        _sender.Retries);

    /// <inheritdoc />
    public bool Track(InteractionEvent interaction)
    {
        Guard.Event(interaction, nameof(interaction));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopped) != 0, this);
        // Counted before the write so that Stats never shows an event sent before it was queued.
        Interlocked.Increment(ref _queued);
        if (_queue.Writer.TryWrite(new TrackerEntry(WithEventId(interaction), null)))
        {
            return true;
        }

        Interlocked.Decrement(ref _queued);
        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <inheritdoc />
    public async ValueTask TrackAsync(InteractionEvent interaction, CancellationToken cancellationToken = default)
    {
        Guard.Event(interaction, nameof(interaction));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopped) != 0, this);
        Interlocked.Increment(ref _queued);
        try
        {
            await _queue.Writer.WriteAsync(new TrackerEntry(WithEventId(interaction), null), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            Interlocked.Decrement(ref _queued);
            ObjectDisposedException.ThrowIf(true, this);
            throw;
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref _queued);
            throw;
        }
    }

    /// <summary>
    /// Gives the event an id of its own unless it has one, so that the sender's retries after a timeout are stored
    /// once: the engine acknowledges a repeated (user, event id) again without applying it twice.
    /// </summary>
    private static InteractionEvent WithEventId(InteractionEvent interaction) =>
        interaction.EventId is null ? interaction with { EventId = Guid.NewGuid().ToString("N") } : interaction;

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(new TrackerEntry(null, barrier), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Stopping: the loop is sending what is left, which is all a flush could ask for.
            await _loop.WaitAsync(cancellationToken);
            return;
        }

        await barrier.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Stops taking events and sends everything queued. When <paramref name="cancellationToken"/> fires first
    /// (a host's shutdown timeout), retries stop and the events not yet sent are counted as failed and logged.
    /// </summary>
    /// <param name="cancellationToken">Gives up on sending what is left.</param>
    /// <returns>A task that completes once the queue is empty.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _queue.Writer.TryComplete();
            await _timer.DisposeAsync();
        }

        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _abort.CancelAsync();
            await _loop;
        }
    }

    /// <summary>Sends everything queued, then stops; the same as <see cref="StopAsync"/> with no time limit.</summary>
    /// <returns>A task that completes once the queue is empty.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _abort.Dispose();
    }

    /// <summary>
    /// Sends everything queued and stops, blocking the calling thread; for containers disposed synchronously.
    /// Prefer <see cref="DisposeAsync"/>.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void OnTick()
    {
        // One tick in the queue at a time; when the queue is full a batch is due anyway.
        if (Interlocked.Exchange(ref _tickPending, 1) == 0 && !_queue.Writer.TryWrite(TrackerEntry.Tick))
        {
            Volatile.Write(ref _tickPending, 0);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<InteractionEvent>(_options.BatchSize);
        try
        {
            var reader = _queue.Reader;
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var entry))
                {
                    if (entry.Event is { } interaction)
                    {
                        batch.Add(interaction);
                        if (batch.Count < _options.BatchSize)
                        {
                            continue;
                        }
                    }
                    else if (entry.Barrier is null)
                    {
                        Volatile.Write(ref _tickPending, 0);
                    }

                    await SendAsync(batch);
                    entry.Barrier?.TrySetResult();
                }
            }

            await SendAsync(batch);
        }
        catch (Exception exception)
        {
            _logger.LoopFailed(exception);
            _sender.Abandon(batch.Count);
        }
    }

    private async Task SendAsync(List<InteractionEvent> batch)
    {
        await _sender.SendAsync(batch, _abort.Token);
        batch.Clear();
        var dropped = Interlocked.Read(ref _dropped);
        if (dropped > _droppedReported)
        {
            _logger.EventsDropped(dropped - _droppedReported, _options.Capacity, dropped);
            _droppedReported = dropped;
        }
    }
}
