using AIaaS.Engine.Data;

namespace AIaaS.Engine.UnitTests.Data;

public class EvaluationFoldsTests
{
    [Fact]
    public void Ranking_FiveFolds_TestPartsAreDisjointAndCoverEveryRating()
    {
        var data = Dataset((1, 23), (2, 3), (3, 40), (4, 5));
        var seen = new List<int>();

        for (int f = 0; f < 5; f++)
        {
            var split = EvaluationFolds.Ranking(data, seed: 42, f, 5);
            Assert.Equal(data.Count, split.Train.Length + split.Test.Length);
            Assert.Empty(split.Train.Intersect(split.Test));
            seen.AddRange(split.Test);
        }

        // User 2 has fewer than 4 ratings and is never tested; every other rating is tested exactly once.
        int small = data.Users.IndexOf(2);
        var testable = Enumerable.Range(0, data.Count).Where(r => data.UserIndex[r] != small);
        Assert.Equal(testable, seen.Order());
    }

    [Fact]
    public void Ranking_EachFold_TestsAFifthOfEachUser()
    {
        var data = Dataset((1, 40), (2, 23));

        var split = EvaluationFolds.Ranking(data, seed: 42, 3, 5);

        Assert.Equal(8, split.Test.Count(r => data.UserIndex[r] == data.Users.IndexOf(1)));
        // ⌊4·23/5⌋ − ⌊3·23/5⌋ = 18 − 13.
        Assert.Equal(5, split.Test.Count(r => data.UserIndex[r] == data.Users.IndexOf(2)));
    }

    [Fact]
    public void Rating_FiveFolds_DisjointCoveringAndFoldZeroIsTheSingleSplit()
    {
        var seen = new List<int>();
        for (int f = 0; f < 5; f++)
        {
            var split = EvaluationFolds.Rating(5000, f, 5);
            Assert.Equal(5000, split.Train.Length + split.Test.Length);
            Assert.InRange(split.Test.Length, 800, 1200);
            seen.AddRange(split.Test);
        }

        Assert.Equal(Enumerable.Range(0, 5000), seen.Order());
        Assert.Equal(EvaluationSplits.Rating(5000).Test, EvaluationFolds.Rating(5000, 0, 5).Test);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 5)]
    [InlineData(-1, 5)]
    public void Rating_FoldOutOfRange_Throws(int fold, int folds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationFolds.Rating(10, fold, folds));

    private static DenseRatings Dataset(params (int User, int Ratings)[] users)
    {
        var userIds = users.SelectMany(u => Enumerable.Repeat(u.User, u.Ratings)).ToArray();
        var itemIds = users.SelectMany(u => Enumerable.Range(1, u.Ratings)).ToArray();
        return DenseRatings.From(new RatingDataset(userIds, itemIds, new float[userIds.Length], new long[userIds.Length], "test"));
    }
}
