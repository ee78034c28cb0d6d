using System.Collections.Immutable;

namespace AIaaS.Grains;

/// <summary>Splits a batch into groups by key, keeping the batch order inside each group.</summary>
internal static class Grouping
{
    public static Dictionary<TKey, ImmutableArray<T>> By<T, TKey>(IEnumerable<T> items, Func<T, TKey> key)
        where TKey : notnull
    {
        var groups = new Dictionary<TKey, ImmutableArray<T>.Builder>();
        foreach (var item in items)
        {
            var k = key(item);
            if (!groups.TryGetValue(k, out var group))
            {
                groups[k] = group = ImmutableArray.CreateBuilder<T>();
            }

            group.Add(item);
        }

        var result = new Dictionary<TKey, ImmutableArray<T>>(groups.Count);
        foreach (var (k, group) in groups)
        {
            result[k] = group.ToImmutable();
        }

        return result;
    }
}
