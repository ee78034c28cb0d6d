using AIaaS.Engine.Data;

namespace AIaaS.Engine.UnitTests.Data;

public class EvaluationSplitsTests
{
    [Fact]
    public void Rating_LineNumbers_FollowTheHashFormula()
    {
        var split = EvaluationSplits.Rating(1000);

        foreach (var r in split.Test) Assert.True((((ulong)(r + 1) * 2654435761UL) % (1UL << 32)) < 858993459UL);
        foreach (var r in split.Train) Assert.False((((ulong)(r + 1) * 2654435761UL) % (1UL << 32)) < 858993459UL);
        Assert.Equal(1000, split.Train.Length + split.Test.Length);
        Assert.InRange(split.Test.Length, 150, 250);
    }

    [Fact]
    public void Ranking_EachUser_Gets75PercentInTrainAndSmallUsersStayInTrain()
    {
        var data = Dataset((1, 8), (2, 3), (3, 20), (4, 4));

        var split = EvaluationSplits.Ranking(data, seed: 42);

        Assert.Equal(data.Count, split.Train.Length + split.Test.Length);
        Assert.Equal(6, CountFor(data, split.Train, 1));
        Assert.Equal(2, CountFor(data, split.Test, 1));
        Assert.Equal(3, CountFor(data, split.Train, 2));
        Assert.Equal(0, CountFor(data, split.Test, 2));
        Assert.Equal(15, CountFor(data, split.Train, 3));
        Assert.Equal(5, CountFor(data, split.Test, 3));
        Assert.Equal(1, CountFor(data, split.Test, 4));
    }

    [Fact]
    public void Ranking_SameSeed_IsDeterministicAndOtherSeedDiffers()
    {
        var data = Dataset((1, 40), (2, 40));

        var a = EvaluationSplits.Ranking(data, 42);
        var b = EvaluationSplits.Ranking(data, 42);
        var c = EvaluationSplits.Ranking(data, 7);

        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Test.Order(), c.Test.Order());
    }

    private static DenseRatings Dataset(params (int User, int Ratings)[] users)
    {
        var userIds = new List<int>();
        var itemIds = new List<int>();
        foreach (var (user, count) in users)
        {
            for (int i = 0; i < count; i++)
            {
                userIds.Add(user);
                itemIds.Add(i + 1);
            }
        }
        int n = userIds.Count;
        return DenseRatings.From(new RatingDataset([.. userIds], [.. itemIds], new float[n], new long[n], "test"));
    }

    private static int CountFor(DenseRatings data, int[] records, int rawUser)
    {
        int dense = data.Users.IndexOf(rawUser);
        return records.Count(r => data.UserIndex[r] == dense);
    }
}
