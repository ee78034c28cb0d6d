using AIaaS.Engine.Data;
using AIaaS.Engine.Models;
using Xunit.Abstractions;

namespace AIaaS.Engine.UnitTests.Models;

public class InteractionMatrixBuilderTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, 10, 8, 300)]
    [InlineData(2, 200, 50, 5_000)]
    public void Build_RepeatsZeroAndNegativeWeights_MatchesPairSums(int seed, int users, int items, int events)
    {
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var builder = new InteractionMatrixBuilder();
        var sums = new Dictionary<(string User, string Item), float>();
        for (int e = 0; e < events; e++)
        {
            var (user, item) = ($"u{random.Next(users)}", $"i{random.Next(items)}");
            float weight = random.Next(6) - 1;
            builder.Add(user, item, weight);
            sums[(user, item)] = sums.GetValueOrDefault((user, item)) + weight;
        }

        var (matrix, itemIds, userCount) = builder.Build();

        Assert.Equal(events, builder.Interactions);
        Assert.Equal(sums.Keys.Select(k => k.User).Distinct().Count(), userCount);
        Assert.Equal(sums.Keys.Select(k => k.Item).Distinct().Count(), itemIds.Length);
        Assert.Equal(sums.Where(p => p.Value > 0).ToDictionary(), Entries(matrix, itemIds, FirstSeenUsers(sums)));
    }

    [Fact]
    public void Build_AddAfterBuild_NextBuildHasBothAndFirstMatrixIsUnchanged()
    {
        var builder = new InteractionMatrixBuilder();
        builder.Add("a", "x", 1);
        builder.Add("b", "y", 2);
        var (first, _, _) = builder.Build();

        builder.Add("a", "x", 3);
        builder.Add("c", "z", 1);
        var (second, itemIds, users) = builder.Build();

        Assert.Equal([1f, 2f], first.Values);
        Assert.Equal(3, users);
        Assert.Equal(["x", "y", "z"], itemIds);
        Assert.Equal([0, 1, 2, 3], second.RowPointers);
        Assert.Equal([4f, 2f, 1f], second.Values);
    }

    [Fact]
    public void Add_NotFiniteWeight_ThrowsAndAddsNothing()
    {
        var builder = new InteractionMatrixBuilder();

        Assert.Throws<ArgumentException>(() => builder.Add("a", "x", float.NaN));

        Assert.Equal(0, builder.Interactions);
        Assert.Equal(0, builder.Build().Users);
    }

    /// <summary>Users get indices in the order they were first added, as the builder assigns them.</summary>
    private static string[] FirstSeenUsers(Dictionary<(string User, string Item), float> sums) =>
        [.. sums.Keys.Select(k => k.User).Distinct()];

    private static Dictionary<(string User, string Item), float> Entries(RatingMatrix matrix, string[] itemIds, string[] userIds)
    {
        var entries = new Dictionary<(string, string), float>();
        for (int r = 0; r < matrix.Rows; r++)
        {
            var columns = matrix.RowIndices(r);
            var values = matrix.RowValues(r);
            for (int i = 0; i < columns.Length; i++) entries[(userIds[r], itemIds[columns[i]])] = values[i];
        }

        return entries;
    }
}
