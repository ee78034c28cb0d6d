using System.Collections.Concurrent;
using System.Diagnostics;
using AIaaS.Client;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Silo.ClusterTests;

/// <summary>
/// Concurrent workers that each track one event at a time through the SDK and ask for recommendations every few
/// events, counting what was acknowledged and when anything failed.
/// </summary>
public sealed class LoadGenerator(IRecommendationClient client, int users, int items)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<TimeSpan> _errors = new();
    private long _acknowledged;
    private long _failedTracks;
    private long _recommendations;

    /// <summary>Events the engine acknowledged: each must be in the log.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Track calls that failed or timed out: each may or may not have been applied.</summary>
    public long FailedTracks => Interlocked.Read(ref _failedTracks);

    public long Recommendations => Interlocked.Read(ref _recommendations);

    /// <summary>When each failed call (track or recommend) was started, on <see cref="Elapsed"/>'s clock.</summary>
    public IReadOnlyCollection<TimeSpan> Errors => _errors;

    public TimeSpan Elapsed => _clock.Elapsed;

    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, stop), CancellationToken.None)));

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        var random = new Random(worker);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var user = $"u{random.Next(users)}";
            var interaction = new InteractionEvent(user, $"i{random.Next(items)}", EventType.Play, null, DateTimeOffset.UtcNow);
            if (await TryAsync(ct => client.TrackAsync(interaction, ct)))
            {
                Interlocked.Increment(ref _acknowledged);
            }
            else
            {
                Interlocked.Increment(ref _failedTracks);
            }

            if (n % 4 == 0 && await TryAsync(ct => client.RecommendAsync(user, 10, cancellationToken: ct)))
            {
                Interlocked.Increment(ref _recommendations);
            }
        }
    }

    private async Task<bool> TryAsync<T>(Func<CancellationToken, Task<T>> call)
    {
        using var timeout = new CancellationTokenSource(CallTimeout);
        var started = _clock.Elapsed;
        try
        {
            await call(timeout.Token);
            return true;
        }
#pragma warning disable CA1031 // Any failure of a call under load is counted, whatever its type.
        catch (Exception)
#pragma warning restore CA1031
        {
            _errors.Enqueue(started);
            return false;
        }
    }
}
