using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Trending;

/// <summary>
/// Merges silo reports into the cluster's trending list. Called once per silo per interval, never per
/// request; a silo that stops reporting drops out after a few intervals. Its state is derived, so it
/// lives in memory only.
/// </summary>
public sealed class TrendingGrain(IOptions<EngineOptions> options, TimeProvider time) : Grain, ITrendingGrain
{
    private readonly EngineOptions _options = options.Value;
    private readonly Dictionary<string, (ImmutableArray<ItemScore> Top, DateTimeOffset At)> _reports = new(StringComparer.Ordinal);
    private ImmutableArray<ItemScore> _merged = [];

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

        _merged = Merge();
        return ValueTask.FromResult(_merged);
    }

    public ValueTask<ImmutableArray<ItemScore>> GetTopAsync() => ValueTask.FromResult(_merged);

    private ImmutableArray<ItemScore> Merge()
    {
        // An item reported by two silos (it moved between them) counts once, at its latest, highest score.
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (top, _) in _reports.Values)
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
