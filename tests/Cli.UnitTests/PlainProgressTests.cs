using AIaaS.Cli.Import;
using Microsoft.Extensions.Time.Testing;

namespace AIaaS.Cli.UnitTests;

/// <summary>Progress in a pipe: plain lines, at most one per interval plus the last, on a fake clock.</summary>
public sealed class PlainProgressTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly StringWriter _output = new();

    [Fact]
    public void Report_WithinOneInterval_PrintsNothing()
    {
        var progress = new PlainProgress(1_000_000, _output, _clock, TimeSpan.FromSeconds(5));

        for (var i = 1; i <= 100; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(40));
            progress.Report(i * 1000);
        }

        Assert.Equal("", _output.ToString());
    }

    [Fact]
    public void Report_ManyReportsOverTwentySeconds_OneLinePerIntervalThenTheLast()
    {
        var progress = new PlainProgress(1_000_000, _output, _clock, TimeSpan.FromSeconds(5));

        // 10,000 events every 100 ms for 20 s: 200 reports.
        for (var i = 1; i <= 200; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            progress.Report(i * 5_000L);
        }

        progress.Report(1_000_000);
        progress.Report(1_000_000);

        var lines = _output.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(
        [
            "imported 250,000 / 1,000,000 events (25 %), 50,000 events/s",
            "imported 500,000 / 1,000,000 events (50 %), 50,000 events/s",
            "imported 750,000 / 1,000,000 events (75 %), 50,000 events/s",
            "imported 1,000,000 / 1,000,000 events (100 %), 50,000 events/s",
        ], lines);
        Assert.DoesNotContain('\u001b', _output.ToString());
        Assert.DoesNotContain('\r', _output.ToString());
    }

    [Fact]
    public void Report_OutOfOrderFromConcurrentSenders_NeverGoesBack()
    {
        var progress = new PlainProgress(100, _output, _clock, TimeSpan.FromSeconds(5));

        progress.Report(60);
        _clock.Advance(TimeSpan.FromSeconds(5));
        progress.Report(40);

        Assert.StartsWith("imported 60 / 100 events (60 %)", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Redirected_PlainFinalLineWithoutEscapes()
    {
        var dir = Directory.CreateTempSubdirectory("aiaas-progress-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(dir, "u.data"), Enumerable.Range(1, 25).Select(i => $"{i % 4 + 1}\t{i}\t{i % 5 + 1}\t{881250949 + i}"));
            using var engine = LoopbackEngine.Answering(("/v1/events", 202, """{"accepted":10,"duplicates":0}"""));

            var (exit, output, error) = await CommandLineTests.RunWithOutputAsync("import", "--data", dir, "--server", engine.Address, "--batch-size", "10");

            Assert.Equal(0, exit);
            Assert.StartsWith("imported 25 / 25 events (100 %), ", error, StringComparison.Ordinal);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.DoesNotContain('\u001b', error + output);
            Assert.Contains("Imported 25 events", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public void Dispose() => _output.Dispose();
}
