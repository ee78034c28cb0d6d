using AIaaS.Client.IntegrationTests.Fakes;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Extensions.Time.Testing;

namespace AIaaS.Client.IntegrationTests;

/// <summary>Batching, flushing and the bounded queue, against a fake sink; timing is driven by barriers and a fake clock.</summary>
public sealed class EventTrackerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Track_BatchSizeReached_SendsOneFullBatchInOrder()
    {
        var sink = new FakeSink();
        await using var tracker = Tracker(sink, batchSize: 3);
        var events = Events.Plays("u1", 3);

        TrackAll(tracker, events);

        await sink.FirstCall;
        Assert.Equal(events, Assert.Single(sink.Calls));
    }

    [Fact]
    public async Task Track_FlushIntervalElapses_SendsPartialBatch()
    {
        var sink = new FakeSink();
        await using var tracker = Tracker(sink, batchSize: 100);
        var events = Events.Plays("u1", 2);
        TrackAll(tracker, events);

        _time.Advance(Interval);

        await sink.FirstCall;
        Assert.Equal(events, Assert.Single(sink.Calls));
    }

    [Fact]
    public async Task DisposeAsync_EventsQueued_SendsEverything()
    {
        var sink = new FakeSink();
        var tracker = Tracker(sink, batchSize: 100);
        var events = Events.Plays("u1", 5);
        TrackAll(tracker, events);

        await tracker.DisposeAsync();

        Assert.Equal(events, sink.Received);
        Assert.Equal(new EventTrackerStats(5, 5, 0, 0, 0), tracker.Stats);
        Assert.Equal(0, tracker.Stats.Pending);
    }

    [Fact]
    public async Task FlushAsync_EventsQueued_CompletesAfterTheyAreSent()
    {
        var sink = new FakeSink();
        await using var tracker = Tracker(sink, batchSize: 100);
        var events = Events.Plays("u1", 4);
        TrackAll(tracker, events);

        await tracker.FlushAsync();

        Assert.Equal(events, sink.Received);
        Assert.Equal(4, tracker.Stats.Sent);
    }

    [Fact]
    public async Task Track_SeveralUsers_SendsOneCallPerUserInEventOrder()
    {
        var sink = new FakeSink();
        await using var tracker = Tracker(sink, batchSize: 100);
        InteractionEvent[] events =
            [Events.Play("u1", "a"), Events.Play("u2", "b"), Events.Play("u1", "c"), Events.Play("u2", "d")];
        TrackAll(tracker, events);

        await tracker.FlushAsync();

        Assert.Equal(2, sink.Calls.Count);
        Assert.Contains(sink.Calls, c => c.Select(e => e.ItemId).SequenceEqual(["a", "c"]));
        Assert.Contains(sink.Calls, c => c.Select(e => e.ItemId).SequenceEqual(["b", "d"]));
    }

    [Fact]
    public async Task Track_QueueFull_ReturnsFalseAndCountsTheDrop()
    {
        var (tracker, sink, release, events) = await FullTrackerAsync(capacity: 2, extra: 1);

        Assert.False(tracker.Track(events[3]));
        Assert.Equal(1, tracker.Stats.Dropped);

        release.SetResult();
        await tracker.DisposeAsync();
        Assert.Equal(events[..3], sink.Received);
        Assert.Equal(new EventTrackerStats(3, 3, 1, 0, 0), tracker.Stats);
    }

    [Fact]
    public async Task TrackAsync_QueueFull_WaitsForRoomAndLosesNothing()
    {
        var (tracker, sink, release, events) = await FullTrackerAsync(capacity: 2, extra: 1);

        var waiting = tracker.TrackAsync(events[3]);
        Assert.False(waiting.IsCompleted);

        release.SetResult();
        await waiting;
        await tracker.DisposeAsync();
        Assert.Equal(events, sink.Received);
        Assert.Equal(0, tracker.Stats.Dropped);
    }

    [Fact]
    public async Task TrackAsync_CancelledWhileFull_ThrowsAndDoesNotQueue()
    {
        var (tracker, sink, release, events) = await FullTrackerAsync(capacity: 1, extra: 1);
        using var cancel = new CancellationTokenSource();

        var waiting = tracker.TrackAsync(events[2], cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.AsTask());
        release.SetResult();
        await tracker.DisposeAsync();
        Assert.Equal(events[..2], sink.Received);
        Assert.Equal(2, tracker.Stats.Queued);
    }

    [Fact]
    public async Task Send_TransientFailure_RetriesAndSends()
    {
        var failures = 0;
        var sink = new FakeSink(_ => Interlocked.Increment(ref failures) == 1
            ? Task.FromException(new TimeoutException())
            : Task.CompletedTask);
        var tracker = Tracker(sink, batchSize: 100);
        tracker.Track(Events.Play("u1", "i1"));

        await tracker.DisposeAsync();

        Assert.Equal(2, sink.Calls.Count);
        Assert.Equal(new EventTrackerStats(1, 1, 0, 0, 1), tracker.Stats);
    }

    [Fact]
    public async Task Track_EventsWithoutIds_EachSentWithAnIdOfItsOwnThatRetriesRepeat()
    {
        var failures = 0;
        var sink = new FakeSink(_ => Interlocked.Increment(ref failures) == 1
            ? Task.FromException(new TimeoutException())
            : Task.CompletedTask);
        var tracker = Tracker(sink, batchSize: 100);
        tracker.Track(Events.Play("u1", "i1") with { EventId = null });
        tracker.Track(Events.Play("u1", "i2") with { EventId = null });
        tracker.Track(Events.Play("u1", "i3") with { EventId = "mine" });

        await tracker.DisposeAsync();

        var calls = sink.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        var ids = calls[0].Select(e => e.EventId).ToArray();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal("mine", ids[2]);
        Assert.Equal(ids, calls[1].Select(e => e.EventId));
    }

    [Theory]
    [InlineData(true, 3, 2)]
    [InlineData(false, 1, 0)]
    public async Task Send_FailureThatPersists_CountsEventsAsFailedAfterRetryingOnlyTransientOnes(
        bool transient, int expectedCalls, int expectedRetries)
    {
        Exception failure = transient ? new TimeoutException() : new InvalidOperationException("rejected");
        var sink = new FakeSink(_ => Task.FromException(failure));
        var tracker = Tracker(sink, batchSize: 100, maxRetries: 2);
        tracker.Track(Events.Play("u1", "i1"));
        tracker.Track(Events.Play("u1", "i2"));

        await tracker.DisposeAsync();

        Assert.Equal(expectedCalls, sink.Calls.Count);
        Assert.Equal(new EventTrackerStats(2, 0, 0, 2, expectedRetries), tracker.Stats);
    }

    [Fact]
    public async Task StopAsync_TimeoutWhileRetrying_CountsRestAsFailedAndCompletes()
    {
        var sink = new FakeSink(_ => Task.FromException(new TimeoutException()));
        var tracker = new EventTracker(sink, new EventTrackerOptions
        {
            BatchSize = 100,
            FlushInterval = Interval,
            RetryBaseDelay = TimeSpan.FromHours(1),
            RetryMaxDelay = TimeSpan.FromHours(1),
        }, timeProvider: _time);
        tracker.Track(Events.Play("u1", "i1"));
        using var timeout = new CancellationTokenSource();
        await timeout.CancelAsync();

        await tracker.StopAsync(timeout.Token);

        Assert.Equal(1, tracker.Stats.Failed);
        Assert.Equal(0, tracker.Stats.Pending);
    }

    [Fact]
    public async Task Track_InvalidEvent_ThrowsArgumentExceptionAndQueuesNothing()
    {
        var sink = new FakeSink();
        await using var tracker = Tracker(sink);

        var thrown = Assert.Throws<ArgumentException>(() => tracker.Track(Events.Play("u1", "")));
        await Assert.ThrowsAsync<ArgumentException>(() => tracker.TrackAsync(Events.Play("", "i1")).AsTask());
        Assert.Throws<ArgumentNullException>(() => tracker.Track(null!));

        Assert.Contains("event.itemId must not be empty", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(0, tracker.Stats.Queued);
    }

    [Fact]
    public async Task Track_AfterDispose_ThrowsObjectDisposedException()
    {
        var tracker = Tracker(new FakeSink());
        await tracker.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => tracker.Track(Events.Play("u1", "i1")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => tracker.TrackAsync(Events.Play("u1", "i1")).AsTask());
        await tracker.FlushAsync();
        await tracker.DisposeAsync();
    }

    [Theory]
    [InlineData(0, 100, "EventTrackerOptions.Capacity must be at least 1")]
    [InlineData(100, 0, "EventTrackerOptions.BatchSize must be from 1 to 10000")]
    [InlineData(100, 10_001, "EventTrackerOptions.BatchSize must be from 1 to 10000")]
    [InlineData(10, 20, "EventTrackerOptions.BatchSize must not exceed EventTrackerOptions.Capacity")]
    public void Constructor_InvalidOptions_ThrowsArgumentExceptionNamingTheOption(int capacity, int batchSize, string expected)
    {
        var options = new EventTrackerOptions { Capacity = capacity, BatchSize = batchSize };

        var thrown = Assert.Throws<ArgumentException>(() => new EventTracker(new FakeSink(), options));

        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 200)]
    [InlineData(3, 800)]
    [InlineData(10, 1000)]
    public void Backoff_Retry_DoublesUpToTheCap(int retry, int expectedMs) =>
        Assert.Equal(
            TimeSpan.FromMilliseconds(expectedMs),
            TransientFailure.Backoff(retry, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)));

    private EventTracker Tracker(FakeSink sink, int batchSize = 10, int capacity = 1000, int maxRetries = 3) =>
        new(sink, new EventTrackerOptions
        {
            BatchSize = batchSize,
            Capacity = capacity,
            FlushInterval = Interval,
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.Zero,
            RetryMaxDelay = TimeSpan.Zero,
        }, timeProvider: _time);

    private static void TrackAll(EventTracker tracker, IEnumerable<InteractionEvent> events)
    {
        foreach (var e in events)
        {
            Assert.True(tracker.Track(e));
        }
    }

    /// <summary>
    /// A tracker (batch size 1) whose loop is stuck sending event 0 to a gated sink while <paramref name="capacity"/>
    /// more events fill its queue; <paramref name="extra"/> further events are made but not tracked.
    /// </summary>
    private async Task<(EventTracker Tracker, FakeSink Sink, TaskCompletionSource Release, InteractionEvent[] Events)>
        FullTrackerAsync(int capacity, int extra)
    {
        var (sink, entered, release) = GatedSink();
        var tracker = Tracker(sink, batchSize: 1, capacity: capacity);
        var events = Events.Plays("u1", 1 + capacity + extra);
        tracker.Track(events[0]);
        await entered.Task; // the loop holds event 0 and waits on the sink: the queue is empty
        for (var i = 1; i <= capacity; i++)
        {
            Assert.True(tracker.Track(events[i]));
        }

        return (tracker, sink, release, events);
    }

    /// <summary>A sink whose first call signals <c>entered</c> and then waits for <c>release</c>.</summary>
    private static (FakeSink Sink, TaskCompletionSource Entered, TaskCompletionSource Release) GatedSink()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = new FakeSink(_ =>
        {
            entered.TrySetResult();
            return release.Task;
        });
        return (sink, entered, release);
    }
}
