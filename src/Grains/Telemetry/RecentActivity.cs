using System.Collections.Immutable;

namespace AIaaS.Grains.Telemetry;

/// <summary>
/// This silo's events and recommendation requests over the last <see cref="Window"/>, in buckets of
/// <see cref="BucketLength"/>, for the dashboard: a ring of counters fed where <see cref="EngineMetrics"/> records,
/// so that the page needs no metrics backend. Recording is a few interlocked adds; a slot is reset under a lock only
/// when its bucket comes round again.
/// </summary>
public sealed class RecentActivity(TimeProvider time)
{
    /// <summary>The length of one bucket.</summary>
    public static readonly TimeSpan BucketLength = TimeSpan.FromSeconds(5);

    /// <summary>How far back the buckets go.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private static readonly int SlotCount = (int)(Window / BucketLength);
    private readonly ActivitySlot[] _slots = CreateSlots();
    private readonly DateTimeOffset _since = time.GetUtcNow();
    private long _eventsTotal;
    private long _recommendationsTotal;

    public void EventsIngested(int count)
    {
        Interlocked.Add(ref _eventsTotal, count);
        CurrentSlot().AddEvents(count);
    }

    public void RecommendationServed(TimeSpan elapsed)
    {
        Interlocked.Increment(ref _recommendationsTotal);
        CurrentSlot().AddRecommendation(elapsed.TotalMilliseconds);
    }

    /// <summary>The buckets since this silo started, at most <see cref="Window"/> back, oldest first; the last one is still filling.</summary>
    public ActivityReport Read()
    {
        var now = time.GetUtcNow();
        var current = Period(now);
        var first = Math.Max(current - SlotCount + 1, Period(_since));
        var buckets = ImmutableArray.CreateBuilder<ActivityBucket>((int)(current - first + 1));
        for (var period = first; period <= current; period++)
        {
            var start = new DateTimeOffset(period * BucketLength.Ticks, TimeSpan.Zero);
            // The current bucket's rates are over the seconds it has run, so that a burst shows at once.
            var seconds = period == current ? Math.Max((now - start).TotalSeconds, 1) : BucketLength.TotalSeconds;
            buckets.Add(_slots[SlotIndex(period)].Read(period, start, seconds));
        }

        return new ActivityReport(
            _since,
            BucketLength.TotalSeconds,
            Interlocked.Read(ref _eventsTotal),
            Interlocked.Read(ref _recommendationsTotal),
            buckets.MoveToImmutable());
    }

    private ActivitySlot CurrentSlot()
    {
        var period = Period(time.GetUtcNow());
        var slot = _slots[SlotIndex(period)];
        slot.EnsurePeriod(period);
        return slot;
    }

    private static long Period(DateTimeOffset at) => at.UtcTicks / BucketLength.Ticks;

    private static int SlotIndex(long period) => (int)(period % SlotCount);

    private static ActivitySlot[] CreateSlots()
    {
        var slots = new ActivitySlot[SlotCount];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = new ActivitySlot();
        }

        return slots;
    }
}
