using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
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
    TrendingAccumulator trending) : Grain, IItemGrain
{
    private readonly EngineOptions _options = options.Value;
    private IGrainTimer? _flushTimer;
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _flushTimer = this.RegisterGrainTimer(
            FlushAsync,
            new GrainTimerCreationOptions(_options.ItemFlushInterval, _options.ItemFlushInterval) { Interleave = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flushTimer?.Dispose();
        if (_options.SavesOnDeactivation(reason))
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async ValueTask UpsertAsync(ItemMetadata metadata)
    {
        EventRules.ThrowIfInvalid(EventRules.CheckMetadata(metadata), nameof(metadata));
        state.State.Metadata = metadata;
        await state.WriteStateAsync();
        _dirty = false;
    }

    public ValueTask<ItemMetadata?> GetMetadataAsync() => ValueTask.FromResult(state.State.Metadata);

    public ValueTask RecordAsync(ImmutableArray<ItemInteraction> interactions)
    {
        var item = state.State;
        var itemId = this.GetPrimaryKeyString();
        var popular = false;
        foreach (var interaction in interactions)
        {
            item.Interactions++;
            if (interaction.Weight > 0)
            {
                item.Popularity = item.Popularity.Add(interaction.Weight, interaction.Timestamp, _options.PopularityHalfLife);
                popular = true;
            }

            CoOccurrence.Count(item.CoCounts, interaction.CoItems, itemId, _options.CoOccurrenceCapacity);
        }

        if (popular)
        {
            trending.Offer(itemId, item.Popularity.LogScore(_options.PopularityHalfLife));
        }

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

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            await state.WriteStateAsync(cancellationToken);
        }
    }
}
