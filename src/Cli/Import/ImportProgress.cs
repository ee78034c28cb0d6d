using AIaaS.Cli.Terminal;

namespace AIaaS.Cli.Import;

/// <summary>
/// Progress of a long import on standard error: a live Spectre bar in a terminal, and in a pipe or log file
/// a plain line every few seconds, so standard output stays free for the result and --json.
/// </summary>
internal static class ImportProgress
{
    public static Task<T> RunAsync<T>(long total, Func<IProgress<long>, Task<T>> work)
    {
        var console = Consoles.Error();
        return Consoles.IsLive(console)
            ? LiveProgress.RunAsync(console, total, work)
            : work(new PlainProgress(total, Console.Error, TimeProvider.System, PlainProgress.DefaultInterval));
    }
}
