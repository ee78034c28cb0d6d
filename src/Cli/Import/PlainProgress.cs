using System.Globalization;

namespace AIaaS.Cli.Import;

/// <summary>
/// One plain line per <c>interval</c> and one at the end, never an escape sequence: what a pipe, a CI log or
/// `tee` can hold. Reports may arrive from several senders at once and out of order; the largest counts.
/// </summary>
internal sealed class PlainProgress(long total, TextWriter output, TimeProvider clock, TimeSpan interval) : IProgress<long>
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private readonly long _started = clock.GetTimestamp();
    private readonly Lock _lock = new();
    private long _lastLine = clock.GetTimestamp();
    private long _done;
    private bool _finished;

    public void Report(long value)
    {
        lock (_lock)
        {
            _done = Math.Max(_done, value);
            var now = clock.GetTimestamp();
            var final = _done >= total;
            if (_finished || (!final && clock.GetElapsedTime(_lastLine, now) < interval))
            {
                return;
            }

            _lastLine = now;
            _finished = final;
            var percent = total == 0 ? 100 : (int)(_done * 100 / total);
            var rate = _done / Math.Max(clock.GetElapsedTime(_started, now).TotalSeconds, 1e-9);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imported {_done:N0} / {total:N0} events ({percent} %), {rate:N0} events/s"));
        }
    }
}
