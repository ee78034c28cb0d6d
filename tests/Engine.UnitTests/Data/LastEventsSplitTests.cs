using AIaaS.Engine.Data;

namespace AIaaS.Engine.UnitTests.Data;

public class LastEventsSplitTests
{
    [Fact]
    public void Split_LatestFifthOfEachUserIsTest()
    {
        // User 1: ten events, timestamps descending in file order, so the first two lines are the latest.
        int[] users = [.. Enumerable.Repeat(1, 10)];
        long[] times = [.. Enumerable.Range(0, 10).Select(i => 1000L - i)];

        var split = Split(users, times);

        Assert.Equal([0, 1], split.Test.Order());
        Assert.Equal(8, split.Train.Length);
    }

    [Fact]
    public void Split_EqualTimestamps_TieBrokenByLineOrder()
    {
        // Five events at one instant: the last line is the latest (round(20% × 5) = 1).
        var split = Split([7, 7, 7, 7, 7], [50, 50, 50, 50, 50]);

        Assert.Equal([4], split.Test);
    }

    [Fact]
    public void Split_TieAcrossTheCut_KeepsLineOrderAndSmallUsersStayInTrain()
    {
        // User 1: lines 0–4 at t = 9, 5, 9, 1, 9 → order 3, 1, 0, 2, 4; the last one (line 4) is test.
        // User 2 has three events and stays in train.
        var split = Split([1, 1, 1, 1, 1, 2, 2, 2], [9, 5, 9, 1, 9, 3, 2, 1]);

        Assert.Equal([4], split.Test);
        Assert.Equal([0, 1, 2, 3, 5, 6, 7], split.Train.Order());
    }

    private static DatasetSplit Split(int[] users, long[] times)
    {
        var data = DenseRatings.From(new RatingDataset(users, [.. Enumerable.Range(1, users.Length)], new float[users.Length], times, "test"));
        return LastEventsSplit.Split(data, times);
    }
}
