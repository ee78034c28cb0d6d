using System.Collections.Immutable;
using AIaaS.Grains.Catalog;
using AIaaS.Grains.Inference;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Models;
using AIaaS.Grains.Storage;
using AIaaS.Grains.Trending;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Items;

/// <summary>
/// An item's live counters (decayed popularity and co-occurrence) and the entry point for its catalog row. The
/// metadata lives in the catalog store, written on every change, where every silo reads it; the counters are
/// derived from the log, so they are saved a while after they change and on deactivation rather than on every event.
/// </summary>
public sealed class ItemGrain(
    [PersistentState("item")] IPersistentState<ItemState> state,
    IOptions<EngineOptions> options,
    StateSaving saving,
    TrendingAccumulator trending,
    ModelCatalog catalog,
    ItemCatalog items,
    IItemCatalogStore store,
    TimeProvider time) : Grain, IItemGrain
{
    private readonly EngineOptions _options = options.Value;
    private static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(5);
    private DeferredSave? _flush;
    private long? _lastPublishedTicks;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _flush = saving.Deferred(this, _options.ItemFlushInterval, FlushAsync);
        state.State.CoCounts = CoOccurrence.WithSharedKeys(state.State.CoCounts);
        if (state.State.Metadata is { } saved)
        {
            // Metadata written before the catalog store existed moves there once.
            if (await store.GetAsync(ItemId, cancellationToken) is null)
            {
                await store.UpsertAsync(ItemId, saved, cancellationToken);
            }

            state.State.Metadata = null;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private string ItemId => this.GetPrimaryKeyString();

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        if (saving.OnDeactivation(reason))
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async ValueTask UpsertAsync(ItemMetadata metadata)
    {
        EventRules.ThrowIfInvalid(CatalogRules.CheckMetadata(metadata), nameof(metadata));
        var previous = (await store.GetAsync(ItemId, CancellationToken.None))?.Metadata;
        await store.UpsertAsync(ItemId, metadata, CancellationToken.None);
        if (previous is { LiveFrom: not null } or { LiveUntil: not null } || metadata.LiveFrom is not null || metadata.LiveUntil is not null)
        {
            await GrainFactory.GetGrain<ICatalogDeltaGrain>(0).SetLiveWindowAsync(new LiveWindow(ItemId, metadata.LiveFrom, metadata.LiveUntil));
        }
    }

    public async ValueTask<ItemMetadata?> GetMetadataAsync() => (await store.GetAsync(ItemId, CancellationToken.None))?.Metadata;

    public async ValueTask<ItemDetails?> GetDetailsAsync()
    {
        var entry = await store.GetAsync(ItemId, CancellationToken.None);
        if (entry is { IsDeleted: true } || (entry is null && state.State.Interactions == 0))
        {
            return null;
        }

        return new ItemDetails(ItemId, entry?.Metadata, state.State.Interactions, entry?.UpdatedAt);
    }

    public async ValueTask<bool> DeleteAsync() => await store.DeleteAsync(ItemId, CancellationToken.None) is not null;

    public async ValueTask RecordAsync(ImmutableArray<ItemInteraction> interactions)
    {
        var item = state.State;
        var itemId = this.GetPrimaryKeyString();
        var popular = false;
        var evidenceAdded = false;
        foreach (var interaction in interactions)
        {
            item.Interactions++;
            if (interaction.Weight > 0)
            {
                item.Popularity = item.Popularity.Add(interaction.Weight, interaction.Timestamp, _options.PopularityHalfLife);
                popular = true;
                evidenceAdded |= AddEvidence(interaction);
            }

            CoOccurrence.Count(item.CoCounts, interaction.CoItems, itemId, _options.CoOccurrenceCapacity);
        }

        if (popular)
        {
            trending.Offer(itemId, item.Popularity.LogScore(_options.PopularityHalfLife));
        }

        _flush!.Changed();
        if (evidenceAdded)
        {
            await PublishVectorIfReadyAsync(itemId);
        }
    }

    public ValueTask ForgetUserAsync(string userId, ImmutableArray<ItemInteraction> interactions)
    {
        var item = state.State;
        var itemId = this.GetPrimaryKeyString();
        foreach (var interaction in interactions)
        {
            item.Interactions = Math.Max(0, item.Interactions - 1);
            if (interaction.Weight > 0)
            {
                var remaining = item.Popularity.Add(-interaction.Weight, interaction.Timestamp, _options.PopularityHalfLife);
                item.Popularity = remaining.Value > 1e-9 ? remaining : default;
            }

            CoOccurrence.Uncount(item.CoCounts, interaction.CoItems, itemId);
        }

        for (var i = item.EvidenceUsers.Count - 1; i >= 0; i--)
        {
            if (string.Equals(item.EvidenceUsers[i], userId, StringComparison.Ordinal))
            {
                item.EvidenceUsers.RemoveAt(i);
                item.EvidenceVectors.RemoveAt(i);
                item.EvidenceWeights.RemoveAt(i);
            }
        }

        trending.Offer(itemId, item.Popularity.LogScore(_options.PopularityHalfLife));
        _flush!.Changed();
        return ValueTask.CompletedTask;
    }

    public ValueTask<ImmutableArray<RecommendedItem>> GetSimilarAsync(int count)
    {
        EventRules.ThrowIfInvalid(EventRules.CheckCount(count), nameof(count));
        return ValueTask.FromResult(CoOccurrence.Similar(state.State.CoCounts, state.State.Interactions, count));
    }

    public async ValueTask<ImmutableArray<RecommendedItem>> GetSimilarAsync(RecommendationRequest request)
    {
        EventRules.ThrowIfInvalid(CatalogRules.CheckRequest(request), nameof(request));
        var now = time.GetUtcNow();
        var all = CoOccurrence.Similar(state.State.CoCounts, state.State.Interactions, state.State.CoCounts.Count);
        var coConsumed = SimilarItemsRanker.CoConsumed(all, ItemId, request, items, now);
        if (coConsumed.Count >= request.Depth || catalog.Current is not { } model || model.IndexOf(ItemId) is var self && self < 0)
        {
            return SimilarItemsRanker.Page(coConsumed, [], request);
        }

        // The factor space fills what co-consumption cannot, with the filter applied inside scoring.
        var k = model.Snapshot.Factors;
        var vector = model.Snapshot.ItemFactors.AsSpan(self * k, k).ToArray();
        var excluded = SimilarItemsRanker.Excluded(request, ItemId).Concat(coConsumed.Select(item => item.ItemId));
        var nearest = await ModelScoring.TopAsync(GrainFactory, model, vector, request.Depth - coConsumed.Count, ModelScoring.IndicesOf(model, excluded), request.Items);
        var reason = SimilarItemsRanker.FactorReason(ItemId);
        return SimilarItemsRanker.Page(coConsumed, (nearest ?? []).Select(n => new RecommendedItem(n.ItemId, n.Score, reason)), request);
    }

    public ValueTask<ItemScore> GetPopularityAsync() =>
        ValueTask.FromResult(new ItemScore(this.GetPrimaryKeyString(), state.State.Popularity.LogScore(_options.PopularityHalfLife)));

    /// <summary>Keeps the user's vector when the item is unknown to the model that vector belongs to.</summary>
    private bool AddEvidence(ItemInteraction interaction)
    {
        if (interaction.UserVector.IsDefaultOrEmpty)
        {
            return false;
        }

        var item = state.State;
        if (interaction.ModelVersion != item.EvidenceVersion)
        {
            item.EvidenceVectors.Clear();
            item.EvidenceWeights.Clear();
            item.EvidenceUsers.Clear();
            item.EvidenceVersion = interaction.ModelVersion;
        }

        item.EvidenceVectors.Add([.. interaction.UserVector]);
        item.EvidenceWeights.Add((float)interaction.Weight);
        while (item.EvidenceUsers.Count < item.EvidenceVectors.Count - 1)
        {
            item.EvidenceUsers.Insert(0, null);
        }

        item.EvidenceUsers.Add(interaction.UserId);
        if (item.EvidenceVectors.Count > _options.NewItemEvidenceCapacity)
        {
            item.EvidenceVectors.RemoveAt(0);
            item.EvidenceWeights.RemoveAt(0);
            item.EvidenceUsers.RemoveAt(0);
        }

        return true;
    }

    /// <summary>Once enough users consumed it, folds the item in and tells the cluster, so it can be recommended before the next training.</summary>
    private async Task PublishVectorIfReadyAsync(string itemId)
    {
        var item = state.State;
        if (catalog.Current is not { } model || model.Version != item.EvidenceVersion || model.IndexOf(itemId) >= 0
            || item.EvidenceVectors.Count < _options.NewItemMinInteractions)
        {
            return;
        }

        // A popular new item refines its vector at most once per interval: the delta grain is not a hot path.
        var now = Environment.TickCount64;
        if (_lastPublishedTicks is { } last && now - last < (long)PublishInterval.TotalMilliseconds)
        {
            return;
        }

        _lastPublishedTicks = now;
        var vector = NewItemFoldIn.Solve(model, item.EvidenceVectors, item.EvidenceWeights);
        await GrainFactory.GetGrain<ICatalogDeltaGrain>(0).PublishNewItemAsync(new NewItemVector(itemId, model.Version, [.. vector]));
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_flush!.IsChanged)
        {
            // Cleared only once written: a failed flush leaves the state changed, and the timer armed again.
            await state.WriteStateAsync(cancellationToken);
            _flush.Saved();
        }
    }
}
