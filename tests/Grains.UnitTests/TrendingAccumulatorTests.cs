using AIaaS.Grains.Trending;

namespace AIaaS.Grains.UnitTests;

public sealed class TrendingAccumulatorTests
{
    [Fact]
    public void Offer_ScoreOfNoPopularity_LeavesTheItemOutAndForgetsAnEarlierScore()
    {
        var accumulator = new TrendingAccumulator();
        accumulator.Offer("played", 2.0);
        accumulator.Offer("skipped", double.NegativeInfinity);
        accumulator.Offer("played-then-skipped", 1.0);
        accumulator.Offer("played-then-skipped", double.NegativeInfinity);

        Assert.Equal(["played"], accumulator.TakeTop(10).Select(i => i.ItemId));
    }
}
