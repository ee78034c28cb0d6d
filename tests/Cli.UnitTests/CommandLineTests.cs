namespace AIaaS.Cli.UnitTests;

/// <summary>Runs the real `aiaas` entry point in-process and checks its exit code and error line.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aiaas-cli-").FullName;

    [Fact]
    public async Task Import_MissingFolder_OneLineErrorAndExitCode1()
    {
        var missing = Path.Combine(_dir, "nope");

        var (exit, error) = await RunAsync("import", "--data", missing, "--server", "http://127.0.0.1:9");

        Assert.Equal(1, exit);
        Assert.Equal($"aiaas: Dataset directory '{missing}' does not exist (expected u.data, ratings.dat or ratings.csv in it).{Environment.NewLine}", error);
    }

    [Fact]
    public async Task Import_MalformedLine_ErrorNamesFileAndLineAndExitCode1()
    {
        File.WriteAllLines(Path.Combine(_dir, "u.data"), ["1\t1\t5\t881250949", "1\t2\tfive\t881250949"]);

        var (exit, error) = await RunAsync("import", "--data", _dir, "--server", "http://127.0.0.1:9");

        Assert.Equal(1, exit);
        Assert.Equal($"aiaas: u.data line 2: rating 'five' is not a finite number{Environment.NewLine}", error);
    }

    [Fact]
    public async Task Import_ServerNotRunning_OneLineErrorAndExitCode1()
    {
        File.WriteAllLines(Path.Combine(_dir, "u.data"), ["1\t1\t5\t881250949"]);

        var (exit, error) = await RunAsync("import", "--data", _dir, "--server", "http://127.0.0.1:9");

        Assert.Equal(1, exit);
        // The rest of the line is the operating system's words for the refusal.
        Assert.StartsWith("aiaas: cannot reach the server: ", error, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Import_BatchSizeOutOfRange_RejectedWithExitCode1()
    {
        var (exit, error) = await RunAsync("import", "--data", _dir, "--server", "http://127.0.0.1:9", "--batch-size", "20000");

        Assert.Equal(1, exit);
        Assert.Equal($"aiaas: --batch-size must be from 1 to 10000 (was 20000).{Environment.NewLine}", error);
    }

    [Fact]
    public async Task BenchRetrain_MissingFolderOrNoRuns_OneLineErrorAndExitCode1()
    {
        var missing = Path.Combine(_dir, "nope");
        var (missingExit, missingError) = await RunAsync("bench", "retrain", "--data", missing);
        File.WriteAllLines(Path.Combine(_dir, "u.data"), ["1\t1\t5\t881250949"]);
        var (runsExit, runsError) = await RunAsync("bench", "retrain", "--data", _dir, "--runs", "0");

        Assert.Equal(1, missingExit);
        Assert.Equal($"aiaas: Dataset directory '{missing}' does not exist (expected u.data, ratings.dat or ratings.csv in it).{Environment.NewLine}", missingError);
        Assert.Equal(1, runsExit);
        Assert.Equal($"aiaas: --runs must be at least 1 (was 0){Environment.NewLine}", runsError);
    }

    [Fact]
    public async Task BenchHttp_PauseOutOfRange_OneLineErrorNamingTheOption()
    {
        var (exit, error) = await RunAsync("bench", "http", "--server", "http://127.0.0.1:9", "--pause-ms", "-1");

        Assert.NotEqual(0, exit);
        Assert.Contains("--pause-ms", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--items", "50", "--items must be at least 100 (was 50)")]
    [InlineData("--connectivity", "1", "--connectivity: Connectivity must be from 2 to 256 (was 1).")]
    [InlineData("--exact", "gpu", "--exact must be onnx or onnx-prepacked (was gpu)")]
    [InlineData("--threads", "0", "--threads: Threads must be from 1 to 1024 (was 0).")]
    public async Task BenchAnn_BadOption_OneLineErrorNamingIt(string option, string value, string message)
    {
        var (exit, error) = await RunAsync("bench", "ann", option, value);

        Assert.Equal(1, exit);
        Assert.Equal($"aiaas: {message}{Environment.NewLine}", error);
    }

    [Fact]
    public async Task BenchAnn_SmallGeneratedLog_PrintsRecallAndTheFiguresTheIssueNames()
    {
        var (exit, output, _) = await RunWithOutputAsync("bench", "ann", "--items", "400", "--factors", "8", "--log-users", "400", "--events", "12000",
            "--iterations", "2", "--users", "50", "--rounds", "1", "--cache", _dir, "--json");

        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        foreach (var name in new[] { "annPerSecond", "exactPerSecond", "speedup", "buildSeconds", "indexBytes", "exactGflops", "peakGflops" })
        {
            Assert.True(root.TryGetProperty(name, out _), name);
        }

        Assert.InRange(root.GetProperty("recallAt10").GetDouble(), 0.9, 1.0);
        Assert.InRange(root.GetProperty("items").GetInt32(), 300, 400);
        Assert.True(File.Exists(Path.Combine(_dir, "u.data")));
    }

    [Theory]
    [InlineData("--commits", "0", "--commits must be from 1 to 100000 (was 0).")]
    [InlineData("--prefill", "-1", "--prefill must be from 0 to 100000000 (was -1)")]
    [InlineData("--events-per-commit", "8", "--events-per-commit must be from 16 to 1000000 (was 8).")]
    public async Task BenchLog_BadOption_OneLineErrorNamingIt(string option, string value, string message)
    {
        var (exit, error) = await RunAsync("bench", "log", option, value);

        Assert.Equal(1, exit);
        Assert.Equal($"aiaas: {message}{Environment.NewLine}", error);
    }

    [Fact]
    public async Task BenchLog_NonEmptyFolder_RefusedAndLeftAsItWas()
    {
        File.WriteAllText(Path.Combine(_dir, "keep.txt"), "mine");

        var (exit, error) = await RunAsync("bench", "log", "--folder", _dir, "--prefill", "0", "--commits", "1");

        Assert.Equal(1, exit);
        Assert.Equal($"aiaas: --folder '{_dir}' is not empty: the benchmark needs a new log{Environment.NewLine}", error);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task BenchLog_SmallRun_StoresEveryEventAndPrintsTheRate()
    {
        var folder = Path.Combine(_dir, "log");

        var (exit, output, _) = await RunWithOutputAsync("bench", "log", "--folder", folder, "--prefill", "320", "--commits", "2",
            "--events-per-commit", "160", "--users", "64", "--items", "10", "--event-ids");

        Assert.Equal(0, exit);
        Assert.Matches(@"^log append: 2 commit groups of 160 events after 320: [\d,]+ events/s, median commit", output);
        await using var database = AIaaS.Storage.Sqlite.SqliteDatabase.Open(folder);
        var totals = await new AIaaS.Storage.Sqlite.SqliteInteractionLogStore(database).CountAsync(CancellationToken.None);
        Assert.Equal(320 + (2 * 160), totals.Events);
        Assert.InRange(totals.Users, 1, 64);
        Assert.InRange(totals.Items, 1, 10);
    }

    private static readonly SemaphoreSlim ConsoleGate = new(1, 1);

    internal static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var (exit, _, error) = await RunWithOutputAsync(args);
        return (exit, error);
    }

    internal static Task<(int Exit, string Output, string Error)> RunWithOutputAsync(params string[] args) =>
        RunWithApiKeyVariableAsync(null, args);

    /// <summary>Runs with AIAAS_API_KEY set to <paramref name="apiKeyVariable"/> (null: unset) for this run only.</summary>
    internal static async Task<(int Exit, string Output, string Error)> RunWithApiKeyVariableAsync(string? apiKeyVariable, params string[] args)
    {
        // Console redirection and the environment are process-wide, so CLI runs in tests take turns.
        await ConsoleGate.WaitAsync();
        var (stdout, stderr) = (Console.Out, Console.Error);
        var variable = Environment.GetEnvironmentVariable(AIaaS.Cli.Commands.ApiKeyOption.Variable);
        Environment.SetEnvironmentVariable(AIaaS.Cli.Commands.ApiKeyOption.Variable, apiKeyVariable);
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            var entry = typeof(AIaaS.Cli.Commands.ImportCommand).Assembly.EntryPoint!;
            var result = entry.Invoke(null, [args]);
            var exit = result is Task<int> task ? await task : (int)result!;
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Environment.SetEnvironmentVariable(AIaaS.Cli.Commands.ApiKeyOption.Variable, variable);
            ConsoleGate.Release();
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
