using System.Diagnostics;

namespace AIaaS.Cli.Import;

/// <summary>A one-line progress bar on standard error, redrawn at most ten times a second.</summary>
internal sealed class ProgressBar(long total, TextWriter output) : IProgress<long>
{
    private const int Width = 30;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _lock = new();
    private long _lastDraw;

    public void Report(long value)
    {
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            if (value < total && Stopwatch.GetElapsedTime(_lastDraw, now) < TimeSpan.FromMilliseconds(100))
            {
                return;
            }

            _lastDraw = now;
            var fraction = total == 0 ? 1 : (double)value / total;
            var filled = (int)(fraction * Width);
            var rate = value / Math.Max(Stopwatch.GetElapsedTime(_started, now).TotalSeconds, 1e-9);
            output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {value:N0}/{total:N0} events, {rate:N0} events/s");
            if (value >= total)
            {
                output.WriteLine();
            }
        }
    }
}
