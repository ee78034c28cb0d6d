using AIaaS.Grains.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains;

/// <summary>
/// When grains that keep state as a cache of the log (or derived from it) save it: a while after it changes and on deactivation,
/// except while the silo shuts down when <see cref="EngineOptions.SaveStateOnShutdown"/> is off (in-memory storage,
/// which is going away with the process, so a save would only fail).
/// </summary>
public sealed class StateSaving(IOptions<EngineOptions> options, IHostApplicationLifetime host)
{
    private bool SavesWhileStopping => options.Value.SaveStateOnShutdown;

    /// <summary>Whether a grain deactivating for <paramref name="reason"/> saves its state.</summary>
    public bool OnDeactivation(DeactivationReason reason) =>
        reason.ReasonCode != DeactivationReasonCode.ShuttingDown || SavesWhileStopping;

    /// <summary>
    /// A save that runs <paramref name="delay"/> after the state first changed (on the grain's turn, not interleaved),
    /// skipped while the host stops unless state is saved on shutdown.
    /// </summary>
    public DeferredSave Deferred(IGrainBase grain, TimeSpan delay, Func<CancellationToken, Task> save) =>
        new(grain, delay, save, () => SavesWhileStopping || !host.ApplicationStopping.IsCancellationRequested);
}
