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

    [Theory]
    [InlineData(3, 1)]
    [InlineData(4, 3)]
    [InlineData(5, 16)]
    public void Build_SeveralParts_EqualsOneBuilderGivenTheSameEvents(int seed, int partCount)
    {
        // Parts are filled at random, so a user or an item turns up in several of them; the merge goes by id.
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var whole = new InteractionMatrixBuilder();
        var parts = Enumerable.Range(0, partCount).Select(_ => new InteractionMatrixBuilder()).ToArray();
        var perPart = Enumerable.Range(0, partCount).Select(_ => new List<(string User, string Item, float Weight)>()).ToArray();
        for (int e = 0; e < 4_000; e++)
        {
            var (user, item, weight) = ($"u{random.Next(300)}", $"i{random.Next(80)}", (float)(random.Next(6) - 1));
            perPart[random.Next(partCount)].Add((user, item, weight));
        }

        foreach (var (events, part) in perPart.Zip(parts))
        {
            foreach (var (user, item, weight) in events)
            {
                part.Add(user, item, weight);
                whole.Add(user, item, weight);
            }
        }

        var (expected, expectedItems, expectedUsers) = whole.Build();
        var (merged, itemIds, users) = InteractionMatrixBuilder.Build(parts);

        var userIds = perPart.SelectMany(events => events.Select(e => e.User)).Distinct().ToArray();
        Assert.Equal(expectedUsers, users);
        Assert.Equal(expectedItems.Order(), itemIds.Order());
        Assert.Equal(Entries(expected, expectedItems, userIds), Entries(merged, itemIds, userIds));
        Assert.Equal(perPart.SelectMany(events => events.Select(e => e.Item)).Distinct(), itemIds);
    }

    [Fact]
    public void Build_PartsSharingAnItemIndexFilledInParallel_EqualsOneBuilder()
    {
        // Each part has its own users (as a log partition does); every part sees every item, at once.
        var random = new Random(6);
        var events = Enumerable.Range(0, 8).Select(p => Enumerable.Range(0, 3_000)
            .Select(_ => ($"p{p}-u{random.Next(100)}", $"i{random.Next(500)}", (float)random.Next(1, 4))).ToArray()).ToArray();
        var items = new ItemIdIndex();
        var parts = events.Select(_ => new InteractionMatrixBuilder(items)).ToArray();
        var whole = new InteractionMatrixBuilder();
        foreach (var (user, item, weight) in events.SelectMany(e => e))
        {
            whole.Add(user, item, weight);
        }

        Parallel.For(0, parts.Length, p =>
        {
            foreach (var (user, item, weight) in events[p])
            {
                parts[p].Add(user, item, weight);
            }
        });
        var (expected, expectedItems, expectedUsers) = whole.Build();
        var (merged, itemIds, users) = InteractionMatrixBuilder.Build(parts);

        var userIds = events.SelectMany(e => e.Select(x => x.Item1)).Distinct().ToArray();
        Assert.Equal(expectedUsers, users);
        Assert.Equal(itemIds.Length, itemIds.Distinct().Count());
        Assert.Equal(expectedItems.Order(), itemIds.Order());
        Assert.Equal(Entries(expected, expectedItems, userIds), Entries(merged, itemIds, userIds));
    }

    [Fact]
    public void Add_Spans_SameIdsAsStrings()
    {
        var builder = new InteractionMatrixBuilder();
        var line = "user-7,film-3,film-4";

        builder.Add(line.AsSpan(0, 6), line.AsSpan(7, 6), 1);
        builder.Add("user-7", "film-3", 2);
        builder.Add(line.AsSpan(0, 6), line.AsSpan(14, 6), 1);
        var (matrix, itemIds, users) = builder.Build();

        Assert.Equal(1, users);
        Assert.Equal(["film-3", "film-4"], itemIds);
        Assert.Equal([3f, 1f], matrix.Values);
    }

    [Fact]
    public void Add_Numbers_SameMatrixAsIds()
    {
        var byIds = new InteractionMatrixBuilder();
        var byNumbers = new InteractionMatrixBuilder();
        (string User, string Item, float Weight)[] events = [("u1", "a", 1), ("u2", "b", 2), ("u1", "b", 0.5f), ("u1", "a", 3)];

        foreach (var (user, item, weight) in events)
        {
            byIds.Add(user, item, weight);
            byNumbers.Add(byNumbers.IndexOfUser(user), byNumbers.IndexOfItem(item), weight);
        }

        var (expected, expectedItems, expectedUsers) = byIds.Build();
        var (matrix, items, users) = byNumbers.Build();
        Assert.Equal(expectedUsers, users);
        Assert.Equal(expectedItems, items);
        Assert.Equal(expected.RowPointers, matrix.RowPointers);
        Assert.Equal(expected.ColumnIndices, matrix.ColumnIndices);
        Assert.Equal(expected.Values, matrix.Values);
    }

    [Fact]
    public void Add_NumbersTheBuilderDidNotGive_ThrowsNamingTheArgumentAndAddsNothing()
    {
        var builder = new InteractionMatrixBuilder();
        var user = builder.IndexOfUser("u");
        var item = builder.IndexOfItem("a");

        Assert.Equal("user", Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(user + 1, item, 1)).ParamName);
        Assert.Equal("item", Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(user, -1, 1)).ParamName);
        Assert.Throws<ArgumentException>(() => builder.Add(user, item, float.PositiveInfinity));

        Assert.Equal(0, builder.Interactions);
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
