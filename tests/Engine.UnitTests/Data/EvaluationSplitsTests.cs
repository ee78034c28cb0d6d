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

    [Fact]
    public void IsColdItem_CheckValues_MatchAnIndependentImplementation()
    {
        // From a Python transcription of the rule (FNV-1a 64 of the UTF-8 id, xor seed, one SplitMix64 step, < 2^64 / 10).
        int[] seed42 = [21, 25, 30, 39, 54, 57, 76];
        int[] seedMinus7 = [4, 5, 8, 11, 14, 28, 32, 47, 48, 57, 64, 90, 97];

        Assert.Equal(seed42, Enumerable.Range(1, 100).Where(i => EvaluationSplits.IsColdItem(i.ToString(), 42)));
        Assert.Equal(seedMinus7, Enumerable.Range(1, 100).Where(i => EvaluationSplits.IsColdItem(i.ToString(), -7)));
    }

    [Fact]
    public void ColdItems_SameSeed_DeterministicTenPercentAndAllTheirRatingsInTest()
    {
        var data = Dataset([.. Enumerable.Range(1, 50).Select(u => (u, 100))]);

        var a = EvaluationSplits.ColdItems(data, 42);
        var b = EvaluationSplits.ColdItems(data, 42);
        var c = EvaluationSplits.ColdItems(data, 43);

        Assert.Equal(a.ColdItems, b.ColdItems);
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.ColdItems, c.ColdItems);
        Assert.InRange(a.ColdItems.Length, 3, 20);
        Assert.Equal(data.Count, a.Train.Length + a.Test.Length);
        var cold = a.ColdItems.ToHashSet();
        Assert.All(a.Test, r => Assert.Contains(data.ItemIndex[r], cold));
        Assert.All(a.Train, r => Assert.DoesNotContain(data.ItemIndex[r], cold));
        Assert.Equal(50 * a.ColdItems.Length, a.Test.Length);
    }

    [Fact]
    public void IsColdItem_ManyIds_AboutTenPercent()
    {
        int cold = Enumerable.Range(0, 20_000).Count(i => EvaluationSplits.IsColdItem($"item-{i}", 1));

        Assert.InRange(cold, 1_800, 2_200);
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
