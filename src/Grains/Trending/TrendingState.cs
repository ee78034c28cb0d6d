using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Trending;

/// <summary>The last merged trending list, kept so a cluster restarted whole still has one before new traffic.</summary>
[GenerateSerializer, Alias("AIaaS.TrendingState")]
public sealed class TrendingState
{
    [Id(0)]
    public ImmutableArray<ItemScore> Items { get; set; } = [];
}
