using AIaaS.Grains.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace AIaaS.Grains.UnitTests.Telemetry;

public sealed class RecentActivityTests
{
    // On a bucket boundary, so that each step below lands in a known bucket.
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_EventsInTwoBuckets_CountsAndRatesEach()
    {
        var time = new FakeTimeProvider(Start);
        var activity = new RecentActivity(time);

        activity.EventsIngested(10);
        time.Advance(RecentActivity.BucketLength);
        activity.EventsIngested(3);
        time.Advance(TimeSpan.FromSeconds(2));
        var report = activity.Read();

        Assert.Equal(13, report.EventsTotal);
        Assert.Equal([10L, 3L], report.Buckets.Select(b => b.Events));
        Assert.Equal(2, report.Buckets[0].EventsPerSecond, 9);
        Assert.Equal(1.5, report.Buckets[1].EventsPerSecond, 9);
        Assert.Equal(Start, report.Buckets[0].Start);
    }

    [Fact]
    public void Read_HundredRecommendations_P99IsTheirSlowBinWithin19Percent()
    {
        var activity = new RecentActivity(new FakeTimeProvider(Start));

        for (var ms = 1; ms <= 100; ms++)
        {
            activity.RecommendationServed(TimeSpan.FromMilliseconds(ms));
        }

        var bucket = Assert.Single(activity.Read().Buckets);
        Assert.Equal(100, bucket.Recommendations);
        Assert.InRange(bucket.RecommendationP99Ms!.Value, 99, 99 * 1.19);
    }

    [Fact]
    public void Read_NoRecommendations_P99IsNull()
    {
        var activity = new RecentActivity(new FakeTimeProvider(Start));

        activity.EventsIngested(1);

        Assert.Null(Assert.Single(activity.Read().Buckets).RecommendationP99Ms);
    }

    [Fact]
    public void Read_AfterTheWindowPasses_OldCountsLeaveTheBucketsButStayInTotals()
    {
        var time = new FakeTimeProvider(Start);
        var activity = new RecentActivity(time);
        activity.EventsIngested(7);
        activity.RecommendationServed(TimeSpan.FromMilliseconds(5));

        // One window later the ring is back at the first bucket's slot: it must start from zero.
        time.Advance(RecentActivity.Window);
        activity.EventsIngested(1);
        var report = activity.Read();

        Assert.Equal((int)(RecentActivity.Window / RecentActivity.BucketLength), report.Buckets.Length);
        Assert.Equal(1, report.Buckets.Sum(b => b.Events));
        Assert.Equal(1, report.Buckets[^1].Events);
        Assert.Equal(0, report.Buckets.Sum(b => b.Recommendations));
        Assert.Equal(8, report.EventsTotal);
        Assert.Equal(1, report.RecommendationsTotal);
    }
}
