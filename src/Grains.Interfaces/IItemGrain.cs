using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>One item: its metadata, time-decayed popularity and co-occurrence counts.</summary>
[Alias("AIaaS.IItemGrain")]
public interface IItemGrain : IGrainWithStringKey
{
    /// <summary>Stores the item's metadata in the catalog (bringing a deleted item back); every silo applies it within one refresh interval.</summary>
    [Alias("Upsert")]
    ValueTask UpsertAsync(ItemMetadata metadata);

    /// <summary>The item's catalog metadata; null when it has none or was deleted.</summary>
    [Alias("GetMetadata")]
    ValueTask<ItemMetadata?> GetMetadataAsync();

    /// <summary>The item's metadata and counters; null when the catalog and the events know nothing of it, or it was deleted.</summary>
    [Alias("GetDetails")]
    ValueTask<ItemDetails?> GetDetailsAsync();

    /// <summary>
    /// Removes the item from every future answer on every silo (within one refresh interval); its past events stay in
    /// users' histories and in training. Returns false when it was deleted already.
    /// </summary>
    [Alias("Delete")]
    ValueTask<bool> DeleteAsync();

    /// <summary>Records consumptions of the item from a user grain: popularity, co-occurrence, and evidence for folding in a new item.</summary>
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

    /// <summary>
    /// Items like this one that a request with <paramref name="request"/>'s filter and exclusions may return: those most
    /// often consumed by the same users, then, when the model knows this item, the nearest items in the factor space.
    /// </summary>
    [Alias("GetSimilarFiltered")]
    ValueTask<ImmutableArray<RecommendedItem>> GetSimilarAsync(RecommendationRequest request);

    /// <summary>The item's decayed popularity score.</summary>
    [Alias("GetPopularity")]
    ValueTask<ItemScore> GetPopularityAsync();
}
