using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>
/// Merges the per-silo top items into the cluster's trending list. Each silo reports about once a
/// second and gets the merged list back, so requests never call it.
/// </summary>
[Alias("AIaaS.ITrendingGrain")]
public interface ITrendingGrain : IGrainWithIntegerKey
{
    /// <summary>Takes a silo's current top items and returns the cluster's merged list.</summary>
    [Alias("Report")]
    ValueTask<ImmutableArray<ItemScore>> ReportAsync(string siloKey, ImmutableArray<ItemScore> top);

    /// <summary>The cluster's merged trending list, best first.</summary>
    [Alias("GetTop")]
    ValueTask<ImmutableArray<ItemScore>> GetTopAsync();
}
