using AIaaS.Cli.Http;
using AIaaS.Engine.Data;

namespace AIaaS.Cli.Commands;

/// <summary>Every command's expected failures end as one line on standard error and exit code 1, never a stack trace.</summary>
internal static class CliErrors
{
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (IsExpected(e))
        {
            return Fail(OneLine(e));
        }
    }

    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (IsExpected(e))
        {
            return Fail(OneLine(e));
        }
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"aiaas: {message}");
        return 1;
    }

    public static int InRange(int value, int min, int max, string option) =>
        value >= min && value <= max ? value : throw new ArgumentException($"{option} must be from {min} to {max} (was {value}).");

    private static bool IsExpected(Exception e) =>
        e is ArgumentException or IOException or DatasetFormatException or UnauthorizedAccessException
            or EngineRequestException or HttpRequestException or TaskCanceledException;

    private static string OneLine(Exception e)
    {
        var message = e is HttpRequestException http ? $"cannot reach the server: {http.Message}" : e.Message;
        return message.ReplaceLineEndings(" ");
    }
}
