using AIaaS.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;

namespace AIaaS.Client;

/// <summary>
/// Sends a tracker batch: one call per user (a user's events are applied atomically by its grain), each retried
/// on its own after a transient failure, so a retry never repeats another user's acknowledged events.
/// </summary>
internal sealed class EventSender(
    IRecommendationClient client,
    EventTrackerOptions options,
    TimeProvider time,
    ILogger logger)
{
    private long _sent;
    private long _failed;
    private long _retries;

    public long Sent => Interlocked.Read(ref _sent);

    public long Failed => Interlocked.Read(ref _failed);

    public long Retries => Interlocked.Read(ref _retries);

    public async Task SendAsync(List<InteractionEvent> batch, CancellationToken abort)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var groups = EventsByUser.Group(batch);
        var sends = new Task[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            sends[i] = SendUserAsync(groups[i].Events, abort);
        }

        await Task.WhenAll(sends);
    }

    public void Abandon(int count)
    {
        Interlocked.Add(ref _failed, count);
        logger.EventsAbandoned(count);
    }

    private async Task SendUserAsync(IReadOnlyList<InteractionEvent> events, CancellationToken abort)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                abort.ThrowIfCancellationRequested();
                await client.TrackAsync(events, abort);
                Interlocked.Add(ref _sent, events.Count);
                return;
            }
            catch (Exception exception) when (retry < options.MaxRetries && TransientFailure.Is(exception))
            {
                var delay = TransientFailure.Backoff(retry, options.RetryBaseDelay, options.RetryMaxDelay);
                Interlocked.Increment(ref _retries);
                logger.RetryingEvents(events.Count, retry + 1, options.MaxRetries, delay, exception);
                if (!await DelayAsync(delay, abort))
                {
                    Abandon(events.Count);
                    return;
                }
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                Abandon(events.Count);
                return;
            }
            catch (Exception exception)
            {
                Interlocked.Add(ref _failed, events.Count);
                logger.EventsFailed(events.Count, exception);
                return;
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken abort)
    {
        try
        {
            await Task.Delay(delay, time, abort);
            return true;
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            return false;
        }
    }
}
