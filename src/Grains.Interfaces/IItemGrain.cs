using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>One item: its metadata, time-decayed popularity and co-occurrence counts.</summary>
[Alias("AIaaS.IItemGrain")]
public interface IItemGrain : IGrainWithStringKey
{
    [Alias("Upsert")]
    ValueTask UpsertAsync(ItemMetadata metadata);

    [Alias("GetMetadata")]
    ValueTask<ItemMetadata?> GetMetadataAsync();

    [Alias("Record")]
    ValueTask RecordAsync(ImmutableArray<ItemInteraction> interactions);

    /// <summary>
    /// Takes back what an erased user's events told this item: their popularity and co-occurrence counts (the same
    /// interactions as recorded), and the user's vector among a new item's evidence.
    /// </summary>
    [Alias("ForgetUser")]
    ValueTask ForgetUserAsync(string userId, ImmutableArray<ItemInteraction> interactions);

    /// <summary>The items most often consumed by the same users, best first.</summary>
    [Alias("GetSimilar")]
    ValueTask<ImmutableArray<RecommendedItem>> GetSimilarAsync(int count);

    [Alias("GetPopularity")]
    ValueTask<ItemScore> GetPopularityAsync();
}
