namespace AIaaS.Cli.UnitTests;

/// <summary>`aiaas evaluate` on a tiny generated log: bad arguments and data end as one `aiaas: ` line and exit code 1.</summary>
public sealed class EvaluateCommandTests : TempFolderTests
{
    [Theory]
    [InlineData("--model", "svd", "unknown model 'svd'")]
    [InlineData("--protocol", "auc", "unknown protocol 'auc'")]
    [InlineData("--protocol", "rating", "predicts no ratings")]
    [InlineData("--folds", "0", "--folds must be at least 1")]
    [InlineData("--diversity", "1.5", "--diversity must lie in [0, 1]")]
    [InlineData("--diversity", "-0.2", "--diversity must lie in [0, 1]")]
    public async Task Evaluate_BadChoice_OneLineError(string option, string value, string mention)
    {
        var (exit, error) = await CommandLineTests.RunAsync("evaluate", "--data", Folder, option, value);

        GenerateCommandTests.AssertOneLineError(exit, error, mention);
    }

    [Theory]
    [InlineData("last", "--folds", "5", "one fixed split")]
    [InlineData("cold-items", "--folds", "5", "one fixed split")]
    [InlineData("cold-items", "--diversity", "0.3", "--diversity re-ranks")]
    [InlineData("cold-items", "--model", "ease", "no weights for items without ratings")]
    [InlineData("ranking", "--model", "svdpp", "tuned to predict ratings")]
    public async Task Evaluate_OptionNotForProtocol_OneLineError(string protocol, string option, string value, string mention)
    {
        var (exit, error) = await CommandLineTests.RunAsync("evaluate", "--data", Folder, "--protocol", protocol, option, value);

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
    public async Task Evaluate_InvalidImplicitOption_OneLineErrorNamingIt()
    {
        await Generate();

        var (exit, error) = await CommandLineTests.RunAsync("evaluate", "--data", Folder, "--model", "svdpp", "--protocol", "rating",
            "--implicit-regularization", "-1");

        GenerateCommandTests.AssertOneLineError(exit, error, "ImplicitRegularization");
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
    [InlineData("ease", "ranking")]
    [InlineData("pop", "ranking")]
    [InlineData("mf", "rating")]
    [InlineData("svdpp", "rating")]
    [InlineData("als", "last")]
    [InlineData("pop", "last")]
    public async Task Evaluate_TinyGeneratedLog_Succeeds(string model, string protocol)
    {
        await Generate();

        var (exit, error) = await CommandLineTests.RunAsync("evaluate", "--data", Folder, "--model", model, "--protocol", protocol,
            "--iterations", "2", "--json");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("als", "ranking", "ndcg@10")]
    [InlineData("mf", "rating", "rmse")]
    public async Task Evaluate_Folds_ReportsMeanAndDeviation(string model, string protocol, string metric)
    {
        await Generate();

        var json = await EvaluateJson("--model", model, "--protocol", protocol, "--iterations", "2", "--folds", "5");

        Assert.Equal(5, json.GetProperty("folds").GetInt32());
        Assert.InRange(json.GetProperty(metric).GetDouble(), 0.0, 5.0);
        Assert.True(json.GetProperty(metric + "Sd").GetDouble() > 0, "five different folds give different figures");
    }

    [Fact]
    public async Task Evaluate_Ranking_ReportsBeyondAccuracyFigures()
    {
        await Generate();

        var json = await EvaluateJson("--iterations", "2", "--diversity", "0.5");

        Assert.InRange(json.GetProperty("coverage").GetDouble(), 0.0, 1.0);
        Assert.InRange(json.GetProperty("intraListDiversity").GetDouble(), 0.0, 2.0);
        Assert.True(json.GetProperty("novelty").GetDouble() >= 0);
        Assert.InRange(json.GetProperty("popularityPercentile").GetDouble(), 0.0, 1.0);
        Assert.InRange(json.GetProperty("gini").GetDouble(), 0.0, 1.0);
        Assert.Equal(0.5, json.GetProperty("diversity").GetDouble(), 6);
    }

    private async Task<System.Text.Json.JsonElement> EvaluateJson(params string[] options)
    {
        var (exit, output, error) = await CommandLineTests.RunWithOutputAsync(["evaluate", "--data", Folder, "--json", .. options]);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        return System.Text.Json.JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]).RootElement;
    }

    private async Task Generate()
    {
        var (exit, _) = await CommandLineTests.RunAsync("generate", "--users", "40", "--items", "30", "--events", "1200", "--out", Folder);
        Assert.Equal(0, exit);
    }
}
