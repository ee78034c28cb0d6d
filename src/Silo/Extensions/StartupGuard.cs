using AIaaS.Silo.Clustering;
using AIaaS.Storage.Schema;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Extensions;

/// <summary>Turns a configuration mistake at start-up into one line naming the key, and a non-zero exit.</summary>
internal static class StartupGuard
{
    /// <summary>The exit code of a silo whose stop did not finish within AIaaS:Host:ShutdownTimeout and its grace period.</summary>
    public const int ShutdownOverran = 3;

    public static async Task<int> RunAsync(Func<WebApplication> build)
    {
        try
        {
            var app = build();
            try
            {
                foreach (var check in app.Services.GetServices<IStartupCheck>())
                {
                    await check.CheckAsync(app.Lifetime.ApplicationStopping);
                }
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }

            // Running disposes the app; a stop that overran its deadline is left behind, not awaited.
            return await ShutdownDeadline.RunAsync(app) ? 0 : ShutdownOverran;
        }
        catch (OptionsValidationException ex)
        {
            return await FailAsync(string.Join(" ", ex.Failures));
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            return await FailAsync(ex.Message);
        }
        catch (Exception ex) when (Find<StartupConfigurationException>(ex) is { } mistake)
        {
            return await FailAsync(mistake.Message);
        }
        catch (Exception ex) when (Find<StorageStartupException>(ex) is { } unusable)
        {
            return await FailAsync(unusable.Message);
        }
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync($"aiaas: invalid configuration: {message}");
        return 2;
    }

    /// <summary>Hosts wrap start-up failures (AggregateException, Orleans' lifecycle exceptions): look inside.</summary>
    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }

            if (ex is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find<T>(inner) is { } nested)
                    {
                        return nested;
                    }
                }
            }
        }

        return null;
    }
}
