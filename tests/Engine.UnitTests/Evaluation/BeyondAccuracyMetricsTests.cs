using AIaaS.Engine.Evaluation;

namespace AIaaS.Engine.UnitTests.Evaluation;

public class BeyondAccuracyMetricsTests
{
    // Three 2-d items: 0 and 1 point the same way, 2 is orthogonal to both.
    private static readonly float[] Factors = [1, 0, 2, 0, 0, 3];

    [Fact]
    public void IntraListDiversity_IdenticalDirections_IsZero() =>
        Assert.Equal(0.0, BeyondAccuracyMetrics.IntraListDiversity([0, 1], Factors, 2), 12);

    [Fact]
    public void IntraListDiversity_OneParallelAndTwoOrthogonalPairs_IsTwoThirds() =>
        // Pair similarities 1, 0, 0: 1 − 1/3.
        Assert.Equal(2.0 / 3, BeyondAccuracyMetrics.IntraListDiversity([0, 1, 2], Factors, 2), 12);

    [Fact]
    public void IntraListDiversity_SingleItem_IsNaN() =>
        Assert.True(double.IsNaN(BeyondAccuracyMetrics.IntraListDiversity([2], Factors, 2)));

    [Fact]
    public void Novelty_ItemsRatedByHalfAndAQuarter_IsMeanOfOneAndTwoBits() =>
        Assert.Equal(1.5, BeyondAccuracyMetrics.Novelty([0, 1], [4f, 2f], users: 8), 12);

    [Fact]
    public void Novelty_UnratedItem_CountsAsRatedOnce() =>
        Assert.Equal(3.0, BeyondAccuracyMetrics.Novelty([0], [0f], users: 8), 12);

    [Fact]
    public void PopularityPercentiles_DistinctCounts_AreShareBelowPlusHalfOwnShare()
    {
        // Sorted counts 1, 5, 9, 20: item at sorted position p gets (p + 1/2) / 4.
        var percentiles = BeyondAccuracyMetrics.PopularityPercentiles([9f, 1f, 20f, 5f]);

        Assert.Equal([2.5 / 4, 0.5 / 4, 3.5 / 4, 1.5 / 4], percentiles);
    }

    [Fact]
    public void PopularityPercentiles_EqualCounts_AreAllOneHalf() =>
        Assert.All(BeyondAccuracyMetrics.PopularityPercentiles([3f, 3f, 3f, 3f]), p => Assert.Equal(0.5, p, 12));

    [Fact]
    public void Gini_EqualCounts_IsZero() =>
        Assert.Equal(0.0, BeyondAccuracyMetrics.Gini([7, 7, 7, 7]), 12);

    [Fact]
    public void Gini_OneItemTakesAll_IsOneMinusOneOverN() =>
        Assert.Equal(0.75, BeyondAccuracyMetrics.Gini([0, 12, 0, 0]), 12);

    [Fact]
    public void Gini_HandComputed_MatchesMeanAbsoluteDifferenceFormula() =>
        // Counts 1, 2, 3: Σ|xi − xj| over ordered pairs = 8; / (2 · n² · mean) = 8 / (2 · 9 · 2) = 2/9.
        Assert.Equal(2.0 / 9, BeyondAccuracyMetrics.Gini([3, 1, 2]), 12);

    [Fact]
    public void Gini_NoRecommendations_IsZero() =>
        Assert.Equal(0.0, BeyondAccuracyMetrics.Gini([0, 0, 0]), 12);
}
