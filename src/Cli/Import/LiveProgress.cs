using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AIaaS.Cli.Import;

/// <summary>A live Spectre progress bar, for a terminal only (<see cref="Terminal.Consoles.IsLive"/>).</summary>
internal static class LiveProgress
{
    public static Task<T> RunAsync<T>(IAnsiConsole console, long total, Func<IProgress<long>, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new EventsColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("import", maxValue: Math.Max(total, 1));
                var result = await work(new Progress(task));
                task.Value = task.MaxValue;
                return result;
            });

    /// <summary>Reports arrive from concurrent senders, possibly out of order; the bar never moves back.</summary>
    private sealed class Progress(ProgressTask task) : IProgress<long>
    {
        private readonly Lock _lock = new();

        public void Report(long value)
        {
            lock (_lock)
            {
                task.Value = Math.Max(task.Value, value);
            }
        }
    }

    private sealed class EventsColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:N0}/{task.MaxValue:N0} events, {task.Speed ?? 0:N0}/s"));
    }
}
