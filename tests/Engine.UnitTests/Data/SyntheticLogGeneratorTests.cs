using AIaaS.Engine.Data;

namespace AIaaS.Engine.UnitTests.Data;

public class SyntheticLogGeneratorTests
{
    [Fact]
    public void Write_SameOptions_WritesSameReadableFile()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var options = new SyntheticLogOptions { Users = 300, Items = 100, Events = 5000, Seed = 3 };

        SyntheticLogGenerator.Write(a.Path, options);
        SyntheticLogGenerator.Write(b.Path, options);
        var data = MovieLens.Load(a.Path);

        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, "u.data")), File.ReadAllBytes(Path.Combine(b.Path, "u.data")));
        Assert.Equal(5000, data.Count);
        Assert.All(data.Ratings, r => Assert.InRange(r, 1f, 5f));
        Assert.All(data.UserIds, u => Assert.InRange(u, 1, 300));
        Assert.All(data.ItemIds, i => Assert.InRange(i, 1, 100));
        for (int i = 1; i < data.Count; i++) Assert.True(data.Timestamps[i] >= data.Timestamps[i - 1]);
    }

    [Fact]
    public void Write_PowerLawPopularity_MostPopularItemsDominate()
    {
        using var dir = new TempDirectory();
        SyntheticLogGenerator.Write(dir.Path, new SyntheticLogOptions { Users = 1000, Items = 1000, Events = 20000, Clusters = 4 });

        var counts = MovieLens.Load(dir.Path).ItemIds.CountBy(i => i).Select(p => p.Value).OrderDescending().ToArray();

        Assert.True(counts.Take(100).Sum() > 20000 * 0.3, $"top 10% of items had {counts.Take(100).Sum()} of 20000 events");
    }

    [Theory]
    [InlineData(0, 10, 10, "Users")]
    [InlineData(10, 0, 10, "Items")]
    [InlineData(10, 10, -1, "Events")]
    public void Write_InvalidOptions_ThrowsNamingOption(int users, int items, long events, string option)
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<ArgumentException>(() =>
            SyntheticLogGenerator.Write(dir.Path, new SyntheticLogOptions { Users = users, Items = items, Events = events, Clusters = 1 }));

        Assert.Contains(option, e.Message);
    }
}
