using System.Diagnostics;
using OpenTelemetry;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>Keeps every span that ends, as an exporter would see it, and lets a test wait for one.</summary>
public sealed class SpanRecorder : BaseProcessor<Activity>
{
    private readonly Lock _lock = new();
    private readonly List<Activity> _spans = [];
    private readonly List<(Func<Activity, bool> Match, TaskCompletionSource<Activity> Ended)> _waiters = [];

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_lock)
            {
                return [.. _spans];
            }
        }
    }

    public override void OnEnd(Activity data)
    {
        lock (_lock)
        {
            _spans.Add(data);
            foreach (var waiter in _waiters.Where(w => w.Match(data)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Ended.TrySetResult(data);
            }
        }
    }

    /// <summary>The first span, ended already or to end, that <paramref name="match"/> accepts.</summary>
    public Task<Activity> WaitForAsync(Func<Activity, bool> match)
    {
        lock (_lock)
        {
            if (_spans.FirstOrDefault(match) is { } ended)
            {
                return Task.FromResult(ended);
            }

            var waiter = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, waiter));
            return waiter.Task;
        }
    }
}
