using System.Text;
using AIaaS.Engine.Data;

namespace AIaaS.Engine.UnitTests.Data;

public class MovieLensMetadataTests
{
    private const string Genres = "unknown|0\nAction|1\nChildren's|2\nDrama|3\n\n";

    [Fact]
    public void Load_UItem_ReadsLatin1TitleGenresAndReleaseYear()
    {
        using var dir = new TempDirectory();
        dir.Write("u.genre", Genres);
        WriteLatin1(dir, "u.item",
            "1|Toy Story (1995)|01-Jan-1995||http://x|0|0|1|0\n" +
            "2|Café au lait (1993)|14-Mar-1997||http://y|0|1|0|1\r\n" +
            "3|unknown||||1|0|0|0\n" +
            "4|No year in the title|01-Jan-1971||http://z|0|0|0|1\n");

        var items = MovieLensMetadata.Load(dir.Path);

        Assert.Equal(4, items.Count);
        Assert.Equal(new ItemContent(1, "Toy Story (1995)", ["Children's"], ["1995", "1990s"]), items[1], ContentComparer.Instance);
        Assert.Equal("Café au lait (1993)", items[2].Title);
        Assert.Equal(["Action", "Drama"], items[2].Categories);
        Assert.Equal(["1993", "1990s"], items[2].Tags);
        Assert.Equal(["unknown"], items[3].Categories);
        Assert.Empty(items[3].Tags);
        Assert.Equal(["1971", "1970s"], items[4].Tags);
    }

    [Fact]
    public void Load_MoviesCsvAndTags_QuotedTitleWithCommaYearFromTitleAndLowerCasedTags()
    {
        using var dir = new TempDirectory();
        dir.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,2,4.0,1\n");
        dir.Write("movies.csv",
            "movieId,title,genres\n" +
            "2,\"American President, The (1995)\",Comedy|Drama|Romance\n" +
            "3,\"Say \"\"Anything\"\" (1989)\",(no genres listed)\n" +
            "4,Untitled,Drama\n");
        dir.Write("tags.csv",
            "userId,movieId,tag,timestamp\n" +
            "15,2, Funny ,1139045764\n" +
            "16,2,funny,1139045765\n" +
            "17,2,\"dark, moody\",1139045766\n" +
            "18,9,Cult,1139045767\n");

        var items = MovieLensMetadata.Load(dir.Path);

        Assert.Equal("American President, The (1995)", items[2].Title);
        Assert.Equal(["Comedy", "Drama", "Romance"], items[2].Categories);
        Assert.Equal(["1995", "1990s", "funny", "dark, moody"], items[2].Tags);
        Assert.Equal("Say \"Anything\" (1989)", items[3].Title);
        Assert.Empty(items[3].Categories);
        Assert.Equal(["1989", "1980s"], items[3].Tags);
        Assert.Empty(items[4].Tags);
        Assert.Equal(new ItemContent(9, "", [], ["cult"]), items[9], ContentComparer.Instance);
    }

    [Fact]
    public void Load_MoviesDat_ReadsLatin1AndDoubleColons()
    {
        using var dir = new TempDirectory();
        WriteLatin1(dir, "movies.dat", "1::Toy Story (1995)::Animation|Children's|Comedy\n73::Misérables, Les (1995)::Drama|Musical\n");

        var items = MovieLensMetadata.Load(dir.Path);

        Assert.Equal(["Animation", "Children's", "Comedy"], items[1].Categories);
        Assert.Equal("Misérables, Les (1995)", items[73].Title);
        Assert.Equal(["1995", "1990s"], items[73].Tags);
    }

    [Fact]
    public void Load_UItemWithoutUGenre_ThrowsNamingUGenre()
    {
        using var dir = new TempDirectory();
        dir.Write("u.item", "1|Toy Story (1995)|01-Jan-1995||http://x|0|0|1|0\n");

        var e = Assert.Throws<FileNotFoundException>(() => MovieLensMetadata.Load(dir.Path));

        Assert.Contains("u.genre", e.Message);
    }

    [Fact]
    public void Load_NoMetadataFile_ThrowsNamingTheFilesLookedFor()
    {
        using var dir = new TempDirectory();
        dir.Write("u.data", "1\t1\t5\t1\n");

        var e = Assert.Throws<FileNotFoundException>(() => MovieLensMetadata.Load(dir.Path));

        Assert.Contains(dir.Path, e.Message);
        Assert.Contains("u.item", e.Message);
        Assert.Contains("movies.csv", e.Message);
        Assert.Contains("tags.csv", e.Message);
    }

    [Theory]
    [InlineData("1|Toy Story (1995)|01-Jan-1995||http://x|0|0|1\n", "u.item line 1: expected 9 '|'-separated fields, found 8")]
    [InlineData("1|A|||u|0|0|0|0\n2|B|||u|0|2|0|0\n", "u.item line 2: genre flag 2 is '2', not 0 or 1")]
    [InlineData("x|A|||u|0|0|0|0\n", "u.item line 1: item id 'x' is not an integer")]
    public void Load_MalformedUItem_ThrowsNamingFileAndLine(string content, string message)
    {
        using var dir = new TempDirectory();
        dir.Write("u.genre", Genres);
        dir.Write("u.item", content);

        var e = Assert.Throws<DatasetFormatException>(() => MovieLensMetadata.Load(dir.Path));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Load_UnclosedQuoteInMoviesCsv_ThrowsNamingFileAndLine()
    {
        using var dir = new TempDirectory();
        dir.Write("movies.csv", "movieId,title,genres\n1,\"Open (1995),Drama\n");

        var e = Assert.Throws<DatasetFormatException>(() => MovieLensMetadata.Load(dir.Path));

        Assert.Equal("movies.csv line 2: a quoted field is not closed", e.Message);
    }

    private static void WriteLatin1(TempDirectory dir, string name, string content) =>
        File.WriteAllBytes(Path.Combine(dir.Path, name), Encoding.Latin1.GetBytes(content));

    /// <summary>Records compare their list properties by reference; this compares them by content.</summary>
    private sealed class ContentComparer : IEqualityComparer<ItemContent>
    {
        public static readonly ContentComparer Instance = new();

        public bool Equals(ItemContent? x, ItemContent? y) =>
            x is not null && y is not null && x.ItemId == y.ItemId && x.Title == y.Title
            && x.Categories.SequenceEqual(y.Categories) && x.Tags.SequenceEqual(y.Tags);

        public int GetHashCode(ItemContent obj) => obj.ItemId;
    }
}
