using System.Collections.Concurrent;

namespace AIaaS.Grains;

/// <summary>
/// References to string-keyed grains on hot paths. Orleans 10's <c>GetGrain&lt;T&gt;(string)</c> resolves the
/// interface's grain interface type by reflection on every call (its resolver keeps no cache): 4 % of the silo's CPU
/// during ingest, where every batch asks for a thousand users and items (docs/benchmarks.md). This resolves each
/// interface once, through that same call, and builds later references from the grain and interface types it found.
/// </summary>
public static class GrainLookup
{
    private static readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> Types = new();

    /// <summary>The grain of interface <typeparamref name="T"/> with key <paramref name="key"/>, as <c>GetGrain&lt;T&gt;(key)</c> gives it.</summary>
    public static T ByKey<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!Types.TryGetValue(typeof(T), out var types))
        {
            var probe = (GrainReference)(object)grains.GetGrain<T>(key);
            Types.TryAdd(typeof(T), (probe.GrainId.Type, probe.InterfaceType));
            return (T)(object)probe;
        }

        return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }
}
