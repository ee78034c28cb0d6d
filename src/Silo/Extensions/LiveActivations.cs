using System.Collections.Concurrent;

namespace AIaaS.Silo.Extensions;

/// <summary>
/// The grain activations this silo holds and whether each has begun to deactivate. Grains save their state on
/// deactivation, so when the process gives up on a stop, these are the grains whose last save did not happen.
/// </summary>
internal sealed class LiveActivations : IActivationWorkingSetObserver
{
    // One small entry per activation, beside grains that hold far more, is what naming them at that moment costs.
    private readonly ConcurrentDictionary<IActivationWorkingSetMember, bool> _deactivating = new();

    public void OnAdded(IActivationWorkingSetMember member) => _deactivating.TryAdd(member, false);

    public void OnDeactivating(IActivationWorkingSetMember member) => _deactivating[member] = true;

    // Orleans may report a deactivation twice (when it finishes and when the activation is disposed).
    public void OnDeactivated(IActivationWorkingSetMember member) => _deactivating.TryRemove(member, out _);

    /// <summary>How many are live, how many of them are deactivating, and up to <paramref name="count"/> grain ids.</summary>
    public (int Live, int Deactivating, string Grains) Describe(int count)
    {
        var grains = _deactivating.Where(pair => pair.Key is IGrainContext).ToList();
        var names = grains.Take(count).Select(pair => ((IGrainContext)pair.Key).GrainId.ToString());
        return (grains.Count, grains.Count(pair => pair.Value), string.Join(", ", names));
    }
}
