using AIaaS.Silo.Options;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AIaaS.Silo.Extensions;

internal static class ShutdownExtensions
{
    /// <summary>
    /// Bounds a stop: the host's timeout from <see cref="ShutdownOptions"/>, and grain deactivations (where grains
    /// save their state) cancelled at half of it, so saves to a store that went away give up rather than hold the
    /// process; <see cref="ShutdownDeadline"/> ends whatever is left.
    /// </summary>
    public static void AddBoundedShutdown(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
            host.ShutdownTimeout = shutdown.Value.ShutdownTimeout);
        services.AddOptions<GrainCollectionOptions>().Configure<IOptions<ShutdownOptions>>((grains, shutdown) =>
            grains.DeactivationTimeout = TimeSpan.FromTicks(Math.Min(grains.DeactivationTimeout.Ticks, shutdown.Value.ShutdownTimeout.Ticks / 2)));
        services.AddSingleton<LiveActivations>();
        services.AddSingleton<IActivationWorkingSetObserver>(sp => sp.GetRequiredService<LiveActivations>());
    }
}
