using AIaaS.Grains.Telemetry;

namespace AIaaS.Grains.UnitTests.Telemetry;

public sealed class LatencyBinsTests
{
    [Theory]
    [InlineData(0.001)]
    [InlineData(0.5)]
    [InlineData(3.7)]
    [InlineData(250)]
    [InlineData(40_000)]
    public void UpperBound_OfAValuesBin_IsAtLeastTheValueAndWithin19Percent(double milliseconds)
    {
        var bound = LatencyBins.UpperBound(LatencyBins.Of(milliseconds));

        Assert.InRange(bound, milliseconds, Math.Max(milliseconds, 0.01) * 1.19);
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(-1, 0)]
    [InlineData(1e9, LatencyBins.Count - 1)]
    public void Of_OutOfRange_ClampsToAnEnd(double milliseconds, int bin)
    {
        Assert.Equal(bin, LatencyBins.Of(milliseconds));
    }

    [Fact]
    public void Percentile_NoCounts_Null()
    {
        Assert.Null(LatencyBins.Percentile(new int[LatencyBins.Count], 0.99));
    }
}
