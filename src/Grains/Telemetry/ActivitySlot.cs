namespace AIaaS.Grains.Telemetry;

/// <summary>One bucket of <see cref="RecentActivity"/>: the counts of one period, reused when its period comes round again.</summary>
internal sealed class ActivitySlot
{
    private readonly Lock _reset = new();
    private readonly int[] _latencyBins = new int[LatencyBins.Count];
    private long _period = -1;
    private long _events;
    private long _recommendations;

    /// <summary>Empties the slot when it still holds an older period; recorders of the new period wait for that, no one else does.</summary>
    public void EnsurePeriod(long period)
    {
        if (Volatile.Read(ref _period) == period)
        {
            return;
        }

        lock (_reset)
        {
            if (_period == period)
            {
                return;
            }

            Interlocked.Exchange(ref _events, 0);
            Interlocked.Exchange(ref _recommendations, 0);
            Array.Clear(_latencyBins);
            Volatile.Write(ref _period, period);
        }
    }

    public void AddEvents(int count) => Interlocked.Add(ref _events, count);

    public void AddRecommendation(double milliseconds)
    {
        Interlocked.Increment(ref _recommendations);
        Interlocked.Increment(ref _latencyBins[LatencyBins.Of(milliseconds)]);
    }

    /// <summary>The bucket for <paramref name="period"/>: zeros when the slot holds another period (nothing was recorded in it).</summary>
    public ActivityBucket Read(long period, DateTimeOffset start, double seconds)
    {
        if (Volatile.Read(ref _period) != period)
        {
            return new ActivityBucket(start, seconds, 0, 0, 0, 0, null);
        }

        var events = Interlocked.Read(ref _events);
        var recommendations = Interlocked.Read(ref _recommendations);
        return new ActivityBucket(
            start,
            seconds,
            events,
            recommendations,
            events / seconds,
            recommendations / seconds,
            LatencyBins.Percentile(_latencyBins, 0.99));
    }
}
