using Spectre.Console;

namespace AIaaS.Cli.Terminal;

/// <summary>
/// Spectre consoles over whatever Console.Out and Console.Error are now (tests swap them). A redirected stream
/// gets no ANSI escapes, no colours and nothing interactive, whatever TERM says.
/// </summary>
internal static class Consoles
{
    public static IAnsiConsole Out() => Create(Console.Out, !Console.IsOutputRedirected);

    public static IAnsiConsole Error() => Create(Console.Error, !Console.IsErrorRedirected);

    public static IAnsiConsole Create(TextWriter writer, bool terminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
    });

    /// <summary>Whether a live display (redrawn in place) can work on this console.</summary>
    public static bool IsLive(IAnsiConsole console) => console.Profile.Capabilities is { Ansi: true, Interactive: true };
}
