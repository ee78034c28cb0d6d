namespace AIaaS.Cli.UnitTests;

/// <summary>`aiaas generate`: argument errors end as one `aiaas: ` line and exit code 1; a small log is written and readable.</summary>
public sealed class GenerateCommandTests : TempFolderTests
{
    [Theory]
    [InlineData("--users", "0", "--users")]
    [InlineData("--items", "0", "--items")]
    [InlineData("--events", "-1", "--events")]
    public async Task Generate_CountOutOfRange_OneLineErrorNamingOption(string option, string value, string named)
    {
        var args = new Dictionary<string, string> { ["--users"] = "10", ["--items"] = "10", ["--events"] = "100" };
        args[option] = value;

        var (exit, error) = await CommandLineTests.RunAsync(
            ["generate", "--users", args["--users"], "--items", args["--items"], "--events", args["--events"], "--out", Folder]);

        AssertOneLineError(exit, error, named);
    }

    [Fact]
    public async Task Generate_OutputIsAFile_OneLineError()
    {
        var file = Path.Combine(Folder, "taken");
        File.WriteAllText(file, "not a folder");

        var (exit, error) = await CommandLineTests.RunAsync("generate", "--users", "10", "--items", "10", "--events", "100", "--out", file);

        AssertOneLineError(exit, error, "taken");
    }

    [Fact]
    public async Task Generate_SmallLog_WritesEveryEventAsAMovieLensLine()
    {
        var (exit, error) = await CommandLineTests.RunAsync("generate", "--users", "30", "--items", "20", "--events", "500", "--out", Folder);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var lines = File.ReadAllLines(Path.Combine(Folder, "u.data"));
        Assert.Equal(500, lines.Length);
        Assert.All(lines, line => Assert.Equal(4, line.Split('\t').Length));
    }

    internal static void AssertOneLineError(int exit, string error, string mention)
    {
        Assert.Equal(1, exit);
        Assert.StartsWith("aiaas: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(mention, error, StringComparison.Ordinal);
    }
}
