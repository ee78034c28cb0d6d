using AIaaS.Engine.Evaluation;

namespace AIaaS.Engine.UnitTests.Evaluation;

public class RankingMetricsTests
{
    private static readonly int[] Recommended = [1, 2, 3, 4, 5];
    private static readonly int[] Relevant = [9, 5, 2];

    [Fact]
    public void PrecisionAtK_TwoHitsInFive_IsTwoFifths() =>
        Assert.Equal(0.4, RankingMetrics.PrecisionAtK(Recommended, Relevant, 5), 12);

    [Fact]
    public void PrecisionAtK_CutoffThree_CountsOnlyFirstThree() =>
        Assert.Equal(1.0 / 3, RankingMetrics.PrecisionAtK(Recommended, Relevant, 3), 12);

    [Fact]
    public void RecallAtK_TwoOfThreeRelevant_IsTwoThirds() =>
        Assert.Equal(2.0 / 3, RankingMetrics.RecallAtK(Recommended, Relevant, 5), 12);

    [Fact]
    public void NdcgAtK_HitsAtRanksTwoAndFive_MatchesHandComputation()
    {
        // DCG = 1/log2(3) + 1/log2(6) = 1.017782; IDCG = 1 + 1/log2(3) + 1/log2(4) = 2.130930.
        Assert.Equal(0.477624, RankingMetrics.NdcgAtK(Recommended, Relevant, 5), 6);
        Assert.Equal(0.296082, RankingMetrics.NdcgAtK(Recommended, Relevant, 3), 6);
    }

    [Fact]
    public void NdcgAtK_PerfectRanking_IsOne() =>
        Assert.Equal(1.0, RankingMetrics.NdcgAtK([5, 2, 9, 1], Relevant, 4), 12);

    [Fact]
    public void AveragePrecisionAtK_HitsAtRanksTwoAndFive_IsPrecisionsOverMinKRelevant()
    {
        // (1/2 + 2/5) / min(5, 3) = 0.3; at k = 3: (1/2) / 3.
        Assert.Equal(0.3, RankingMetrics.AveragePrecisionAtK(Recommended, Relevant, 5), 12);
        Assert.Equal(1.0 / 6, RankingMetrics.AveragePrecisionAtK(Recommended, Relevant, 3), 12);
    }

    [Fact]
    public void Metrics_NoRelevantItems_AreZero()
    {
        Assert.Equal(0.0, RankingMetrics.RecallAtK(Recommended, [], 5));
        Assert.Equal(0.0, RankingMetrics.NdcgAtK(Recommended, [], 5));
        Assert.Equal(0.0, RankingMetrics.AveragePrecisionAtK(Recommended, [], 5));
    }

    [Fact]
    public void CatalogCoverage_ThreeOfTen_IsPointThree() =>
        Assert.Equal(0.3, RankingMetrics.CatalogCoverage(3, 10), 12);

    [Fact]
    public void PrecisionAtK_ZeroK_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.PrecisionAtK(Recommended, Relevant, 0));
}
