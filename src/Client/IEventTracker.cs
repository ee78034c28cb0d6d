using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client;

/// <summary>
/// Fire-and-forget event reporting: events wait in a bounded in-memory queue and are sent in batches by a
/// background loop, when a batch is full or at each flush interval, and all of them on dispose or host stop.
/// </summary>
/// <remarks>
/// Delivery is at least once while the process lives: a transient failure is retried with exponential
/// backoff, so an event whose acknowledgement was lost may be applied twice. Nothing is lost silently: an event
/// refused because the queue is full makes <see cref="Track"/> return false, and events that could not be sent
/// are logged and counted in <see cref="Stats"/>. Events still queued when the process dies are lost; use
/// <see cref="IRecommendationClient.TrackAsync(InteractionEvent, CancellationToken)"/> where every event must be
/// acknowledged.
/// </remarks>
public interface IEventTracker : IAsyncDisposable
{
    /// <summary>
    /// Queues an event without blocking. The event is validated here, so a bad one throws at once.
    /// </summary>
    /// <param name="interaction">The interaction to report.</param>
    /// <returns>True when queued; false when the queue is full and the event was dropped (counted and logged).</returns>
    /// <exception cref="ArgumentException">The event breaks an input rule.</exception>
    /// <exception cref="ObjectDisposedException">The tracker has been stopped.</exception>
    bool Track(InteractionEvent interaction);

    /// <summary>Queues an event, waiting for room when the queue is full (backpressure instead of dropping).</summary>
    /// <param name="interaction">The interaction to report.</param>
    /// <param name="cancellationToken">Stops waiting for room; the event is then not queued.</param>
    /// <returns>A task that completes once the event is queued (not yet sent).</returns>
    /// <exception cref="ArgumentException">The event breaks an input rule.</exception>
    /// <exception cref="ObjectDisposedException">The tracker has been stopped.</exception>
    ValueTask TrackAsync(InteractionEvent interaction, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends everything queued before this call and completes once each of those events has been sent or has
    /// failed for good (failures are counted in <see cref="Stats"/>, not thrown).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the events stay queued and are still sent.</param>
    /// <returns>A task that completes once the queued events are handled.</returns>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts since the tracker started.</summary>
    EventTrackerStats Stats { get; }
}
