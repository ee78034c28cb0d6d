using AIaaS.Engine.Data;

namespace AIaaS.Engine.UnitTests.Data;

public class MovieLensTests
{
    [Fact]
    public void Load_UData_ReadsFieldsInFileOrder()
    {
        using var dir = new TempDirectory();
        dir.Write("u.data", "196\t242\t3\t881250949\n186\t302\t3.5\t891717742\r\n22\t377\t1\t878887116");

        var data = MovieLens.Load(dir.Path);

        Assert.Equal(3, data.Count);
        Assert.Equal([196, 186, 22], data.UserIds);
        Assert.Equal([242, 302, 377], data.ItemIds);
        Assert.Equal([3f, 3.5f, 1f], data.Ratings);
        Assert.Equal([881250949L, 891717742L, 878887116L], data.Timestamps);
        Assert.EndsWith("u.data", data.SourcePath);
    }

    [Fact]
    public void Load_RatingsDat_SplitsOnDoubleColon()
    {
        using var dir = new TempDirectory();
        dir.Write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n");

        var data = MovieLens.Load(dir.Path);

        Assert.Equal([1193, 661], data.ItemIds);
        Assert.Equal([5f, 3f], data.Ratings);
    }

    [Fact]
    public void Load_CsvWithHeader_SkipsHeader()
    {
        using var dir = new TempDirectory();
        dir.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n7,1029,3.0,1260759179\n");

        var data = MovieLens.Load(dir.Path);

        Assert.Equal([1, 7], data.UserIds);
        Assert.Equal([2.5f, 3f], data.Ratings);
    }

    [Fact]
    public void Load_PrefersUDataOverOtherFiles()
    {
        using var dir = new TempDirectory();
        dir.Write("u.data", "1\t2\t3\t4\n");
        dir.Write("ratings.dat", "9::9::9::9\n");

        Assert.Equal([2], MovieLens.Load(dir.Path).ItemIds);
    }

    [Fact]
    public void Load_MissingField_ThrowsNamingFileAndLine()
    {
        using var dir = new TempDirectory();
        var lines = string.Concat(Enumerable.Repeat("1\t2\t3\t4\n", 16)) + "1\t2\t3\n";
        dir.Write("u.data", lines);

        var e = Assert.Throws<DatasetFormatException>(() => MovieLens.Load(dir.Path));

        Assert.Equal(17, e.LineNumber);
        Assert.EndsWith("u.data", e.FilePath);
        Assert.Equal("u.data line 17: expected 4 tab-separated fields, found 3", e.Message);
    }

    [Fact]
    public void Load_BadNumber_ThrowsNamingFieldAndLine()
    {
        using var dir = new TempDirectory();
        dir.Write("ratings.dat", "1::2::3::4\nx::2::3::4\n");

        var e = Assert.Throws<DatasetFormatException>(() => MovieLens.Load(dir.Path));

        Assert.Equal(2, e.LineNumber);
        Assert.Contains("ratings.dat line 2", e.Message);
        Assert.Contains("user id 'x'", e.Message);
    }

    [Fact]
    public void Load_MissingDirectory_ThrowsNamingPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "aiaas-no-such-" + Guid.NewGuid().ToString("N"));

        var e = Assert.Throws<DirectoryNotFoundException>(() => MovieLens.Load(path));

        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Load_NoRatingFile_ThrowsNamingTheFilesLookedFor()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<FileNotFoundException>(() => MovieLens.Load(dir.Path));

        Assert.Contains(dir.Path, e.Message);
        Assert.Contains("u.data", e.Message);
        Assert.Contains("ratings.dat", e.Message);
        Assert.Contains("ratings.csv", e.Message);
    }
}
