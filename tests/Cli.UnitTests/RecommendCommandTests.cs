namespace AIaaS.Cli.UnitTests;

/// <summary>`aiaas recommend` against a loopback server answering in the engine's shape.</summary>
public sealed class RecommendCommandTests
{
    internal const string Answer = """
        {"userId":"u1","modelVersion":3,"items":[
          {"itemId":"i1","score":0.93,"reason":"because you watched i9"},
          {"itemId":"i7","score":0.5,"reason":"popular in \"drama\" & <new>"}]}
        """;

    [Fact]
    public async Task Recommend_Answer_TableOfRankItemScoreReasonWithoutEscapes()
    {
        using var engine = LoopbackEngine.Answering(("/v1/users/u1/recommendations", 200, Answer));

        var (exit, output, error) = await CommandLineTests.RunWithOutputAsync("recommend", "--server", engine.Address, "--user", "u1",
            "--count", "5", "--category", "drama", "--category", "comedy");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal("/v1/users/u1/recommendations?count=5&category=drama&category=comedy", Assert.Single(engine.Requests).PathAndQuery);
        foreach (var text in new[] { "rank", "item", "score", "reason", "i1", "0.9300", "because you watched i9", "i7", "popular in \"drama\" & <new>", "model version 3" })
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }

        var first = output.Split('\n').Single(line => line.Contains("i1", StringComparison.Ordinal));
        Assert.Matches(@"\b1\b.*i1.*0\.9300.*because you watched i9", first);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public async Task Recommend_Json_ServerAnswerAsOneLine()
    {
        using var engine = LoopbackEngine.Answering(("/v1/users/u%201/recommendations", 200, Answer));

        var (exit, output, _) = await CommandLineTests.RunWithOutputAsync("recommend", "--server", engine.Address, "--user", "u 1", "--json");

        Assert.Equal(0, exit);
        var line = Assert.Single(output.TrimEnd().Split('\n'));
        Assert.Equal("/v1/users/u%201/recommendations?count=10", Assert.Single(engine.Requests).PathAndQuery);
        Assert.Equal(string.Concat(Answer.Split('\n').Select(l => l.Trim())), line);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task Recommend_CountOutOfRange_OneLineErrorNamingCount(string count)
    {
        var (exit, error) = await CommandLineTests.RunAsync("recommend", "--server", "http://127.0.0.1:9", "--user", "u1", "--count", count);

        Assert.Equal(1, exit);
        Assert.Equal($"aiaas: --count must be from 1 to 1000 (was {count}).{Environment.NewLine}", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Recommend_EmptyUser_OneLineError(string user)
    {
        var (exit, error) = await CommandLineTests.RunAsync("recommend", "--server", "http://127.0.0.1:9", "--user", user);

        Assert.Equal(1, exit);
        Assert.Equal($"aiaas: --user must not be empty.{Environment.NewLine}", error);
    }

    [Fact]
    public async Task Recommend_ProblemAnswer_OneLineErrorWithTheDetail()
    {
        using var engine = LoopbackEngine.Answering(("/v1/users/u1/recommendations", 400,
            """{"type":"about:blank","title":"Bad Request","status":400,"detail":"category 'sci-fi' is not in the catalog."}"""));

        var (exit, error) = await CommandLineTests.RunAsync("recommend", "--server", engine.Address, "--user", "u1", "--category", "sci-fi");

        GenerateCommandTests.AssertOneLineError(exit, error, "category 'sci-fi' is not in the catalog.");
        Assert.Contains("400", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_ServerNotRunning_OneLineError()
    {
        var (exit, error) = await CommandLineTests.RunAsync("recommend", "--server", "http://127.0.0.1:9", "--user", "u1");

        GenerateCommandTests.AssertOneLineError(exit, error, "cannot reach the server");
    }
}
