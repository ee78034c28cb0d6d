using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Trending;

/// <summary>
/// Merges silo reports into the cluster's trending list. Called once per silo per interval, never per
/// request; a silo that stops reporting drops out after a few intervals. The silos' reports live in
/// memory (item grains offer scores only on events, so after a whole-cluster restart no silo has any),
/// so the merged list is saved within <see cref="EngineOptions.TrendingSaveInterval"/> of a change and on deactivation,
/// and a new activation starts from it: it ranks with the live reports (scores are time-referred, so fresher
/// activity outranks it) until live items push its entries out of the top.
/// </summary>
public sealed class TrendingGrain(
    [PersistentState("trending")] IPersistentState<TrendingState> state,
    IOptions<EngineOptions> options,
    StateSaving saving,
    TimeProvider time) : Grain, ITrendingGrain
{
    private readonly EngineOptions _options = options.Value;
    private readonly Dictionary<string, (ImmutableArray<ItemScore> Top, DateTimeOffset At)> _reports = new(StringComparer.Ordinal);
    private ImmutableArray<ItemScore> _restored = [];
    private ImmutableArray<ItemScore> _merged = [];
    private DeferredSave? _save;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _restored = state.State.Items.IsDefault ? [] : state.State.Items;
        // Ranked again, so a list saved by an earlier build obeys today's ranking rules.
        _merged = Merge();
        _save = saving.Deferred(this, _options.TrendingSaveInterval, SaveAsync);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _save?.Dispose();
        if (saving.OnDeactivation(reason))
        {
            await SaveAsync(cancellationToken);
        }
    }

    public ValueTask<ImmutableArray<ItemScore>> ReportAsync(string siloKey, ImmutableArray<ItemScore> top)
    {
        ArgumentException.ThrowIfNullOrEmpty(siloKey);
        var now = time.GetUtcNow();
        _reports[siloKey] = (top.IsDefault ? [] : top, now);
        var expiry = now - 5 * _options.TrendingPublishInterval - TimeSpan.FromSeconds(10);
        foreach (var (key, report) in _reports)
        {
            if (report.At < expiry)
            {
                _reports.Remove(key);
            }
        }

        var merged = Merge();
        if (!merged.SequenceEqual(_merged))
        {
            _save!.Changed();
        }

        _merged = merged;
        return ValueTask.FromResult(_merged);
    }

    public ValueTask<ImmutableArray<ItemScore>> GetTopAsync() => ValueTask.FromResult(_merged);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (!_save!.IsChanged)
        {
            return;
        }

        state.State.Items = _merged;
        await state.WriteStateAsync(cancellationToken);
        _save.Saved();
    }

    private ImmutableArray<ItemScore> Merge()
    {
        // An item reported by two silos (it moved between them), or restored and reported again, counts once,
        // at its latest, highest score.
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var top in _reports.Values.Select(r => r.Top).Append(_restored))
        {
            foreach (var item in top)
            {
                if (!best.TryGetValue(item.ItemId, out var score) || item.LogScore > score)
                {
                    best[item.ItemId] = item.LogScore;
                }
            }
        }

        var all = new List<ItemScore>(best.Count);
        foreach (var (item, score) in best)
        {
            all.Add(new ItemScore(item, score));
        }

        return TrendingRanking.Top(all, _options.TrendingSize);
    }
}
