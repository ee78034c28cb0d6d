namespace AIaaS.Cli.UnitTests;

/// <summary>Runs the real `aiaas` entry point in-process and checks its exit code and error line.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aiaas-cli-").FullName;

    [Fact]
    public async Task Import_MissingFolder_OneLineErrorAndNonZeroExit()
    {
        var (exit, error) = await RunAsync("import", "--data", Path.Combine(_dir, "nope"), "--server", "http://127.0.0.1:9");

        Assert.NotEqual(0, exit);
        Assert.StartsWith("aiaas: ", error, StringComparison.Ordinal);
        Assert.Contains("nope", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Import_MalformedLine_ErrorNamesFileAndLine()
    {
        File.WriteAllLines(Path.Combine(_dir, "u.data"), ["1\t1\t5\t881250949", "1\t2\tfive\t881250949"]);

        var (exit, error) = await RunAsync("import", "--data", _dir, "--server", "http://127.0.0.1:9");

        Assert.NotEqual(0, exit);
        Assert.Contains("u.data", error, StringComparison.Ordinal);
        Assert.Contains("2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ServerNotRunning_OneLineErrorAndNonZeroExit()
    {
        File.WriteAllLines(Path.Combine(_dir, "u.data"), ["1\t1\t5\t881250949"]);

        var (exit, error) = await RunAsync("import", "--data", _dir, "--server", "http://127.0.0.1:9");

        Assert.NotEqual(0, exit);
        Assert.Contains("cannot reach the server", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BatchSizeOutOfRange_Rejected()
    {
        var (exit, error) = await RunAsync("import", "--data", _dir, "--server", "http://127.0.0.1:9", "--batch-size", "20000");

        Assert.NotEqual(0, exit);
        Assert.Contains("--batch-size", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchRetrain_MissingFolderOrNoRuns_OneLineErrorAndNonZeroExit()
    {
        var (missingExit, missingError) = await RunAsync("bench", "retrain", "--data", Path.Combine(_dir, "nope"));
        File.WriteAllLines(Path.Combine(_dir, "u.data"), ["1\t1\t5\t881250949"]);
        var (runsExit, runsError) = await RunAsync("bench", "retrain", "--data", _dir, "--runs", "0");

        Assert.NotEqual(0, missingExit);
        Assert.Contains("nope", missingError, StringComparison.Ordinal);
        Assert.Single(missingError.Trim().Split('\n'));
        Assert.NotEqual(0, runsExit);
        Assert.Contains("--runs", runsError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchHttp_PauseOutOfRange_OneLineErrorNamingTheOption()
    {
        var (exit, error) = await RunAsync("bench", "http", "--server", "http://127.0.0.1:9", "--pause-ms", "-1");

        Assert.NotEqual(0, exit);
        Assert.Contains("--pause-ms", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static readonly SemaphoreSlim ConsoleGate = new(1, 1);

    internal static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var (exit, _, error) = await RunWithOutputAsync(args);
        return (exit, error);
    }

    internal static async Task<(int Exit, string Output, string Error)> RunWithOutputAsync(params string[] args)
    {
        // Console redirection is process-wide, so CLI runs in tests take turns.
        await ConsoleGate.WaitAsync();
        var (stdout, stderr) = (Console.Out, Console.Error);
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
            ConsoleGate.Release();
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
