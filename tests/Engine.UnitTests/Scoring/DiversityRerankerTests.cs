using AIaaS.Engine.Evaluation;
using AIaaS.Engine.Scoring;

namespace AIaaS.Engine.UnitTests.Scoring;

public class DiversityRerankerTests
{
    // Planted case: items 0–2 are near copies of one direction and score highest; items 3 and 4 point elsewhere.
    private static readonly float[] Factors = [1, 0, 0.99f, 0.1f, 0.98f, -0.1f, 0, 1, 0.1f, -1];
    private static readonly int[] Candidates = [0, 1, 2, 3, 4];
    private static readonly float[] Scores = [1.0f, 0.95f, 0.9f, 0.8f, 0.7f];

    [Fact]
    public void Rerank_LambdaZero_KeepsTheRankedOrder()
    {
        var (items, scores) = Rerank(0f, 5);

        Assert.Equal(Candidates, items);
        Assert.Equal(Scores, scores);
    }

    [Fact]
    public void Rerank_PositiveLambda_LowersIntraListSimilarityOfThePlantedList()
    {
        var plain = Rerank(0f, 3).Items;
        var diverse = Rerank(0.5f, 3).Items;

        Assert.Equal(0, diverse[0]);
        Assert.Contains(3, diverse);
        Assert.True(BeyondAccuracyMetrics.IntraListDiversity(diverse, Factors, 2) > BeyondAccuracyMetrics.IntraListDiversity(plain, Factors, 2) + 0.3);
    }

    [Fact]
    public void Rerank_LambdaOne_PicksTheBestThenTheLeastSimilar()
    {
        var (items, scores) = Rerank(1f, 2);

        Assert.Equal([0, 3], items);
        Assert.Equal([1.0f, 0.8f], scores);
    }

    [Fact]
    public void Rerank_AskingForMoreThanTheCandidates_ReturnsEachOnce()
    {
        var output = new int[8];
        int n = DiversityReranker.Rerank(Candidates, Scores, Factors, 2, 0.3f, output, new float[8]);

        Assert.Equal(5, n);
        Assert.Equal(Candidates, output[..n].Order());
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void Rerank_LambdaOutsideZeroToOne_Throws(float lambda) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rerank(lambda, 3));

    private static (int[] Items, float[] Scores) Rerank(float lambda, int count)
    {
        var items = new int[count];
        var scores = new float[count];
        int n = DiversityReranker.Rerank(Candidates, Scores, Factors, 2, lambda, items, scores);
        return (items[..n], scores[..n]);
    }
}
