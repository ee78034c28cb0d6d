using AIaaS.Engine.Data;

namespace AIaaS.Cli.Commands;

/// <summary>Turns the expected failures (bad input, missing files) into one line on stderr and exit code 1.</summary>
internal static class CliErrors
{
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or IOException or DatasetFormatException or UnauthorizedAccessException)
        {
            return Fail(e.Message);
        }
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }
}
