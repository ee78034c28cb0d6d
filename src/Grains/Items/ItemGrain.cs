using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Models;
using AIaaS.Grains.Trending;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Items;

/// <summary>
/// An item's metadata (saved on every change) and its live counters: decayed popularity and
/// co-occurrence. The counters are derived from the log, so they are saved on a timer and on
/// deactivation rather than on every event.
/// </summary>
public sealed class ItemGrain(
    [PersistentState("item")] IPersistentState<ItemState> state,
    IOptions<EngineOptions> options,
    StateSaving saving,
    TrendingAccumulator trending,
    ModelCatalog catalog) : Grain, IItemGrain
{
    private readonly EngineOptions _options = options.Value;
    private static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(5);
    private IGrainTimer? _flushTimer;
    private bool _dirty;
    private long? _lastPublishedTicks;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _flushTimer = saving.Periodically(this, _options.ItemFlushInterval, FlushAsync);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flushTimer?.Dispose();
        if (saving.OnDeactivation(reason))
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async ValueTask UpsertAsync(ItemMetadata metadata)
    {
        EventRules.ThrowIfInvalid(EventRules.CheckMetadata(metadata), nameof(metadata));
        var hadWindow = state.State.Metadata is { LiveFrom: not null } or { LiveUntil: not null };
        state.State.Metadata = metadata;
        await state.WriteStateAsync();
        _dirty = false;
        if (hadWindow || metadata.LiveFrom is not null || metadata.LiveUntil is not null)
        {
            await GrainFactory.GetGrain<ICatalogDeltaGrain>(0).SetLiveWindowAsync(new LiveWindow(this.GetPrimaryKeyString(), metadata.LiveFrom, metadata.LiveUntil));
        }
    }

    public ValueTask<ItemMetadata?> GetMetadataAsync() => ValueTask.FromResult(state.State.Metadata);

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

        _dirty = true;
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
        _dirty = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask<ImmutableArray<RecommendedItem>> GetSimilarAsync(int count)
    {
        EventRules.ThrowIfInvalid(EventRules.CheckCount(count), nameof(count));
        return ValueTask.FromResult(CoOccurrence.Similar(state.State.CoCounts, state.State.Interactions, count));
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
        if (_dirty)
        {
            // Cleared only once written: a failed flush is tried again at the next tick.
            await state.WriteStateAsync(cancellationToken);
            _dirty = false;
        }
    }
}
