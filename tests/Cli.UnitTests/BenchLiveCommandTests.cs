using System.Text.Json;

namespace AIaaS.Cli.UnitTests;

/// <summary>`aiaas bench live` against a loopback server answering in the engine's shape.</summary>
public sealed class BenchLiveCommandTests
{
    private const string Trending = """{"items":[{"itemId":"t0","logScore":3},{"itemId":"t1","logScore":2},{"itemId":"t2","logScore":1}]}""";
    private const string Session = """{"modelVersion":2,"items":[{"itemId":"t1","score":2,"reason":"live now"},{"itemId":"t2","score":1,"reason":"popular"}]}""";

    [Fact]
    public async Task Live_SmallCrowd_EveryViewerTakesEachPathAndTheLiveWindowOpensFirst()
    {
        using var engine = Engine(Trending);

        var (exit, output, error) = await CommandLineTests.RunWithOutputAsync("bench", "live", "--server", engine.Address,
            "--viewers", "12", "--seconds", "1", "--min-events", "3", "--max-events", "5", "--json");

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        var requests = engine.Requests.ToArray();
        Assert.Equal(("GET", "/v1/trending?count=200"), (requests[0].Method, requests[0].PathAndQuery));
        Assert.Equal(("PUT", "/v1/items/t1"), (requests[1].Method, requests[1].PathAndQuery));
        Assert.Equal(12, requests.Count(r => r.PathAndQuery == "/v1/sessions/recommendations"));
        Assert.InRange(requests.Count(r => r.PathAndQuery == "/v1/events"), 36, 60);
        var own = requests.Where(r => r.PathAndQuery.EndsWith("/recommendations?count=10", StringComparison.Ordinal) && r.PathAndQuery.StartsWith("/v1/users/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(12, own.Select(r => r.PathAndQuery).Distinct().Count());

        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        Assert.Equal(12, root.GetProperty("completed").GetInt32());
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        Assert.Equal("t1", root.GetProperty("liveItem").GetString());
        Assert.Equal(1.0, root.GetProperty("liveItemInSessionShare").GetDouble());
        Assert.Equal(12, root.GetProperty("user").GetProperty("answered").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("silo").ValueKind);
    }

    [Fact]
    public async Task Live_EmptyTrendingList_OneLineErrorAndNothingSent()
    {
        using var engine = Engine("""{"items":[]}""");

        var (exit, _, error) = await CommandLineTests.RunWithOutputAsync("bench", "live", "--server", engine.Address, "--viewers", "3", "--seconds", "1");

        Assert.Equal(1, exit);
        Assert.Equal($"aiaas: the engine's trending list is empty: import events (and train) before a live-event crowd{Environment.NewLine}", error);
        Assert.Equal("/v1/trending?count=200", Assert.Single(engine.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData("--viewers", "0", "--viewers must be from 1 to 1000000 (was 0).")]
    [InlineData("--seconds", "601", "--seconds must be from 1 to 600 (was 601).")]
    [InlineData("--max-events", "2", "--max-events must be from 3 to 100 (was 2).")]
    [InlineData("--max-in-flight", "0", "--max-in-flight must be from 1 to 100000 (was 0).")]
    [InlineData("--live-item", "", "--live-item must be 1 to 256 characters without control characters (was '').")]
    public async Task Live_BadOption_OneLineErrorNamingIt(string option, string value, string message)
    {
        using var engine = Engine(Trending);

        var (exit, _, error) = await CommandLineTests.RunWithOutputAsync("bench", "live", "--server", engine.Address, option, value);

        Assert.Equal(1, exit);
        Assert.Equal($"aiaas: {message}{Environment.NewLine}", error);
        Assert.Empty(engine.Requests);
    }

    internal static LoopbackEngine Engine(string trending) => LoopbackEngine.Answering(
        ("/v1/trending", 200, trending),
        ("/v1/items/*", 200, """{"itemId":"t1"}"""),
        ("/v1/sessions/recommendations", 200, Session),
        ("/v1/events", 202, """{"accepted":1,"duplicates":0}"""),
        ("/v1/users/*", 200, RecommendCommandTests.Answer));
}
