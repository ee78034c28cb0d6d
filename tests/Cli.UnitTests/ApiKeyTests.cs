namespace AIaaS.Cli.UnitTests;

/// <summary>Every command that talks to a server sends --api-key, or AIAAS_API_KEY without it, as X-API-Key on every request.</summary>
public sealed class ApiKeyTests : TempFolderTests
{
    public static TheoryData<string> Commands => ["recommend", "status", "import", "bench http", "bench live", "evaluate --server"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_ApiKeyOption_SentOnEveryRequest(string command)
    {
        using var engine = Engine();

        await CommandLineTests.RunWithApiKeyVariableAsync(null, [.. Arguments(command, engine.Address), "--api-key", "k-option"]);

        Assert.NotEmpty(engine.Requests);
        Assert.All(engine.Requests, r => Assert.Equal("k-option", r.ApiKey));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_OnlyTheVariable_SendsTheVariable(string command)
    {
        using var engine = Engine();

        await CommandLineTests.RunWithApiKeyVariableAsync("k-variable", Arguments(command, engine.Address));

        Assert.NotEmpty(engine.Requests);
        Assert.All(engine.Requests, r => Assert.Equal("k-variable", r.ApiKey));
    }

    [Fact]
    public async Task Recommend_OptionAndVariable_OptionWins()
    {
        using var engine = Engine();

        var (exit, _, _) = await CommandLineTests.RunWithApiKeyVariableAsync("k-variable", [.. Arguments("recommend", engine.Address), "--api-key", "k-option"]);

        Assert.Equal(0, exit);
        Assert.Equal("k-option", Assert.Single(engine.Requests).ApiKey);
    }

    [Fact]
    public async Task Status_NoKey_NoHeader()
    {
        using var engine = Engine();

        var (exit, _, _) = await CommandLineTests.RunWithApiKeyVariableAsync(null, Arguments("status", engine.Address));

        Assert.Equal(0, exit);
        Assert.All(engine.Requests, r => Assert.Null(r.ApiKey));
    }

    private static LoopbackEngine Engine() => LoopbackEngine.Answering(
        ("/v1/users/1/recommendations", 200, RecommendCommandTests.Answer),
        ("/v1/users/*", 200, RecommendCommandTests.Answer),
        ("/v1/trending", 200, """{"items":[{"itemId":"i1","logScore":1}]}"""),
        ("/v1/items/*", 200, """{"itemId":"i1"}"""),
        ("/v1/sessions/recommendations", 200, RecommendCommandTests.Answer),
        ("/v1/model", 200, StatusCommandTests.Model),
        ("/v1/stats", 200, """{"events":0,"users":0,"items":0}"""),
        ("/health/ready", 200, "Healthy"),
        ("/v1/events", 202, """{"accepted":1,"duplicates":0}"""));

    /// <summary>Each command's shortest run against <paramref name="server"/>; evaluate stops at the retrain the fake lacks, after requests that must carry the key.</summary>
    private string[] Arguments(string command, string server)
    {
        File.WriteAllLines(Path.Combine(Folder, "u.data"), Enumerable.Range(1, 20).Select(i => $"{i % 4 + 1}\t{i % 6 + 1}\t{i % 5 + 1}\t{881250949 + i}"));
        return command switch
        {
            "recommend" => ["recommend", "--server", server, "--user", "1"],
            "status" => ["status", "--server", server],
            "import" => ["import", "--server", server, "--data", Folder],
            "bench http" => ["bench", "http", "--server", server, "--users", "1", "--concurrency", "1", "--seconds", "1", "--warmup", "0"],
            "bench live" => ["bench", "live", "--server", server, "--viewers", "2", "--seconds", "1"],
            "evaluate --server" => ["evaluate", "--server", server, "--data", Folder],
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
        };
    }
}
