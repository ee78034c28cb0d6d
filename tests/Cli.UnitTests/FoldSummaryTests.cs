using AIaaS.Cli.Commands;

namespace AIaaS.Cli.UnitTests;

public sealed class FoldSummaryTests
{
    [Fact]
    public void MeanAndDeviation_HandComputed_UsesTheSampleDivisor()
    {
        // Mean 5; squared deviations 9 + 1 + 1 + 9 = 20; sample variance 20 / 3.
        var (mean, sd) = FoldSummary.MeanAndDeviation([2.0, 4.0, 6.0, 8.0]);

        Assert.Equal(5.0, mean, 12);
        Assert.Equal(Math.Sqrt(20.0 / 3), sd, 12);
    }

    [Fact]
    public void MeanAndDeviation_EqualValues_HasNoDeviation() =>
        Assert.Equal(0.0, FoldSummary.MeanAndDeviation([0.3, 0.3, 0.3]).Deviation, 12);
}
