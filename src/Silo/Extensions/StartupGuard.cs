using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Extensions;

/// <summary>Turns a configuration mistake at start-up into one line naming the key, and a non-zero exit.</summary>
internal static class StartupGuard
{
    public static async Task<int> RunAsync(Func<WebApplication> build)
    {
        try
        {
            await using var app = build();
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"aiaas: invalid configuration: {string.Join(" ", ex.Failures)}");
            return 2;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"aiaas: invalid configuration: {ex.Message}");
            return 2;
        }
    }
}
