namespace AIaaS.Cli.UnitTests;

/// <summary>`aiaas evaluate` on a tiny generated log: bad arguments and data end as one `aiaas: ` line and exit code 1.</summary>
public sealed class EvaluateCommandTests : TempFolderTests
{
    [Theory]
    [InlineData("--model", "svd", "unknown model 'svd'")]
    [InlineData("--protocol", "auc", "unknown protocol 'auc'")]
    [InlineData("--protocol", "rating", "predicts no ratings")]
    public async Task Evaluate_BadChoice_OneLineError(string option, string value, string mention)
    {
        var (exit, error) = await CommandLineTests.RunAsync("evaluate", "--data", Folder, option, value);

        GenerateCommandTests.AssertOneLineError(exit, error, mention);
    }

    [Fact]
    public async Task Evaluate_MissingFolder_OneLineErrorNamingIt()
    {
        var (exit, error) = await CommandLineTests.RunAsync("evaluate", "--data", Path.Combine(Folder, "absent"));

        GenerateCommandTests.AssertOneLineError(exit, error, "absent");
    }

    [Fact]
    public async Task Evaluate_MalformedRating_OneLineErrorNamingFile()
    {
        File.WriteAllLines(Path.Combine(Folder, "u.data"), ["1\t1\t5\t881250949", "1\t2\tfive\t881250949"]);

        var (exit, error) = await CommandLineTests.RunAsync("evaluate", "--data", Folder);

        GenerateCommandTests.AssertOneLineError(exit, error, "u.data");
    }

    [Fact]
    public async Task Evaluate_InvalidOption_OneLineErrorNamingIt()
    {
        await Generate();

        var (exit, error) = await CommandLineTests.RunAsync("evaluate", "--data", Folder, "--factors", "0");

        GenerateCommandTests.AssertOneLineError(exit, error, "Factors");
    }

    [Theory]
    [InlineData("als", "ranking")]
    [InlineData("pop", "ranking")]
    [InlineData("mf", "rating")]
    public async Task Evaluate_TinyGeneratedLog_Succeeds(string model, string protocol)
    {
        await Generate();

        var (exit, error) = await CommandLineTests.RunAsync("evaluate", "--data", Folder, "--model", model, "--protocol", protocol,
            "--iterations", "2", "--json");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
    }

    private async Task Generate()
    {
        var (exit, _) = await CommandLineTests.RunAsync("generate", "--users", "40", "--items", "30", "--events", "1200", "--out", Folder);
        Assert.Equal(0, exit);
    }
}
