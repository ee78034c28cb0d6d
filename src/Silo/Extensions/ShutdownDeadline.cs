using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Extensions;

/// <summary>
/// Runs the app and bounds its stop. The host cancels its services' stop at its ShutdownTimeout, but a service that
/// does not heed the cancellation (a store's client retrying, Orleans leaving a membership table that is gone) would
/// hold the process for minutes; past the timeout and a grace period the process stops waiting for them.
/// </summary>
internal static class ShutdownDeadline
{
    /// <summary>How long services get, once told to give up, to notice it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="app"/> until it has stopped and been disposed; false when the deadline passed first.</summary>
    public static async Task<bool> RunAsync(WebApplication app)
    {
        // Resolved up front: once the deadline passes, the container may be half disposed.
        var limit = app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout + Grace;
        var activations = app.Services.GetRequiredService<LiveActivations>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ShutdownDeadline).FullName!);
        var loggers = app.Services.GetServices<ILoggerProvider>().ToList();
        using var deadline = new CancellationTokenSource();
        using var stopping = app.Lifetime.ApplicationStopping.Register(() => deadline.CancelAfter(limit));
        var run = app.RunAsync();
        try
        {
            await run.WaitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !run.IsCompleted)
        {
            // Grains save on deactivation; a stop that turned ungraceful (the host's timeout passed) deactivates none.
            var (live, deactivating, grains) = activations.Describe(20);
            Log.ShutdownAbandoned(logger, limit, live, deactivating, grains);

            // The console logger writes from a background thread that ends with the process: flush it.
            foreach (var provider in loggers)
            {
                provider.Dispose();
            }

            return false;
        }
    }
}
