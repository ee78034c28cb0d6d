using System.Text.Json;

namespace AIaaS.Cli.UnitTests;

/// <summary>`aiaas status` against a loopback server answering GET /v1/model, /v1/stats and /health/ready.</summary>
public sealed class StatusCommandTests
{
    internal const string Model = """
        {"version":3,"trainedAt":"2026-11-30T08:15:00+00:00","users":943,"items":1682,"factors":64,
         "metrics":{"trainSeconds":1.5},"training":false,"progress":null,"lastError":"out of memory","lastErrorAt":"2026-11-30T09:00:00+00:00"}
        """;

    internal const string Stats = """{"events":100000,"users":943,"items":1682}""";

    internal static LoopbackEngine Engine(int readyStatus = 200, string readyBody = "Healthy") =>
        LoopbackEngine.Answering(("/v1/model", 200, Model), ("/v1/stats", 200, Stats), ("/health/ready", readyStatus, readyBody));

    [Fact]
    public async Task Status_Answers_TablesOfModelStatsAndReadiness()
    {
        using var engine = Engine();

        var (exit, output, error) = await CommandLineTests.RunWithOutputAsync("status", "--server", engine.Address);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Matches(@"version\s*\S\s*3\b", output);
        Assert.Matches(@"trained at\s*\S\s*2026-11-30T08:15:00\+00:00", output);
        Assert.Matches(@"factors\s*\S\s*64\b", output);
        Assert.Matches(@"last error\s*\S\s*out of memory", output);
        Assert.Matches(@"events\s*\S\s*100000\b", output);
        Assert.Matches(@"ready\s*\S\s*yes\b", output);
        Assert.Matches(@"status\s*\S\s*Healthy\b", output);
        Assert.DoesNotContain('\u001b', output);
        Assert.Equal(["/v1/model", "/v1/stats", "/health/ready"], engine.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Status_NotReadyAndNoModel_SaysSoAndSucceeds()
    {
        using var engine = LoopbackEngine.Answering(
            ("/v1/model", 200, """{"version":null,"trainedAt":null,"users":0,"items":0,"factors":0,"metrics":{},"training":false,"progress":null,"lastError":null,"lastErrorAt":null}"""),
            ("/v1/stats", 200, """{"events":0,"users":0,"items":0}"""),
            ("/health/ready", 503, "Unhealthy"));

        var (exit, output, _) = await CommandLineTests.RunWithOutputAsync("status", "--server", engine.Address);

        Assert.Equal(0, exit);
        Assert.Contains("none (not trained yet)", output, StringComparison.Ordinal);
        Assert.Matches(@"ready\s*\S\s*no\b", output);
        Assert.Contains("Unhealthy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_OneObjectWithAllThree()
    {
        using var engine = Engine();

        var (exit, output, _) = await CommandLineTests.RunWithOutputAsync("status", "--server", engine.Address, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(Assert.Single(output.TrimEnd().Split('\n')));
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("model").GetProperty("version").GetInt64());
        Assert.Equal("out of memory", root.GetProperty("model").GetProperty("lastError").GetString());
        Assert.Contains("\"trainedAt\":\"2026-11-30T08:15:00+00:00\"", output, StringComparison.Ordinal);
        Assert.Equal(100000, root.GetProperty("stats").GetProperty("events").GetInt64());
        Assert.True(root.GetProperty("ready").GetProperty("ready").GetBoolean());
        Assert.Equal("Healthy", root.GetProperty("ready").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Status_ProblemAnswer_OneLineErrorWithTheDetail()
    {
        using var engine = LoopbackEngine.Answering(("/v1/model", 401, """{"status":401,"detail":"an API key is required."}"""));

        var (exit, error) = await CommandLineTests.RunAsync("status", "--server", engine.Address);

        GenerateCommandTests.AssertOneLineError(exit, error, "an API key is required.");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9", "cannot reach the server")]
    [InlineData("not-a-url", "--server must be an absolute http(s) address")]
    public async Task Status_BadServer_OneLineError(string server, string mention)
    {
        var (exit, error) = await CommandLineTests.RunAsync("status", "--server", server);

        GenerateCommandTests.AssertOneLineError(exit, error, mention);
    }
}
