using AIaaS.Engine.Data;
using AIaaS.Engine.Evaluation;

namespace AIaaS.Engine.UnitTests.Evaluation;

public class ColdItemEvaluatorTests
{
    // Three users, cold items at dense indices 1, 3, 4, 6 (the others are warm); user 2 has no cold test item.
    private static readonly int[] Cold = [1, 3, 4, 6];
    private static readonly RatingMatrix Test = RatingMatrix.FromCoordinates(3, 7, [0, 0, 1], [3, 6, 1], [1f, 1f, 1f]);

    [Fact]
    public void Evaluate_RelevantFirst_NdcgAndAucOne()
    {
        var report = ColdItemEvaluator.Evaluate(Test, Cold, (user, scores) =>
        {
            for (int c = 0; c < scores.Length; c++) scores[c] = Relevant(user, Cold[c]) ? 1f : 0f;
        });

        Assert.Equal(1.0, report.Ndcg, 12);
        Assert.Equal(1.0, report.Auc, 12);
        Assert.Equal(2, report.Users);
        Assert.Equal(2, report.AucUsers);
        Assert.Equal(4, report.ColdItems);
    }

    [Fact]
    public void Evaluate_RelevantLast_AucZeroAndDiscountedNdcg()
    {
        var report = ColdItemEvaluator.Evaluate(Test, Cold, (user, scores) =>
        {
            for (int c = 0; c < scores.Length; c++) scores[c] = Relevant(user, Cold[c]) ? 0f : 1f + c;
        });

        Assert.Equal(0.0, report.Auc, 12);
        // User 0: relevant at ranks 3 and 4 of 4; user 1: rank 4.
        double user0 = (1 / Math.Log2(4) + 1 / Math.Log2(5)) / (1 + 1 / Math.Log2(3));
        double user1 = 1 / Math.Log2(5);
        Assert.Equal((user0 + user1) / 2, report.Ndcg, 12);
    }

    [Fact]
    public void Evaluate_EqualScores_AucOneHalf()
    {
        var report = ColdItemEvaluator.Evaluate(Test, Cold, (_, scores) => scores.Fill(2f));

        Assert.Equal(0.5, report.Auc, 12);
    }

    [Fact]
    public void Evaluate_TestItemNotCold_Throws()
    {
        var test = RatingMatrix.FromCoordinates(1, 7, [0], [2], [1f]);

        Assert.Throws<ArgumentException>(() => ColdItemEvaluator.Evaluate(test, Cold, (_, scores) => scores.Clear()));
    }

    [Theory]
    [InlineData(new float[] { 0.9f, 0.1f, 0.5f, 0.3f }, new[] { 0 }, 1.0)]
    [InlineData(new float[] { 0.9f, 0.1f, 0.5f, 0.3f }, new[] { 3 }, 1.0 / 3)]
    [InlineData(new float[] { 0.5f, 0.5f, 0.2f }, new[] { 0 }, 0.75)]
    [InlineData(new float[] { 1f, 2f }, new[] { 0, 1 }, double.NaN)]
    public void Auc_SmallRankings_MatchPairCounts(float[] scores, int[] relevant, double expected)
    {
        Assert.Equal(expected, RankingMetrics.Auc(scores, relevant), 12);
    }

    private static bool Relevant(int user, int item) => Test.RowIndices(user).Contains(item);
}
