using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Trending;

/// <summary>This silo's copy of the cluster's trending list, replaced whole by the publisher.</summary>
public sealed class TrendingCache
{
    private volatile Snapshot _current = new([]);

    public ImmutableArray<ItemScore> Current => _current.Items;

    public void Replace(ImmutableArray<ItemScore> items) => _current = new Snapshot(items);

    private sealed record Snapshot(ImmutableArray<ItemScore> Items);
}
