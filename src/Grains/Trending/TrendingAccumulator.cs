using System.Collections.Concurrent;
using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Trending;

/// <summary>
/// The latest popularity of the items active in this silo, offered by item grains on every event
/// and read by the publisher once per interval: one in-process write per event, no grain call.
/// </summary>
public sealed class TrendingAccumulator
{
    private readonly ConcurrentDictionary<string, double> _scores = new(StringComparer.Ordinal);

    public void Offer(string itemId, double logScore)
    {
        if (double.IsFinite(logScore))
        {
            _scores[itemId] = logScore;
        }
        else
        {
            // No popularity (only zero-weight events): not trending, and not worth the memory.
            _scores.TryRemove(itemId, out _);
        }
    }

    /// <summary>
    /// The best <paramref name="count"/> items offered here so far, leaving them all in place: what a request falls back
    /// on before the cluster's first trending list is published.
    /// </summary>
    public ImmutableArray<ItemScore> PeekTop(int count) =>
        TrendingRanking.Top([.. _scores.Select(pair => new ItemScore(pair.Key, pair.Value))], count);

    /// <summary>The best <paramref name="count"/> items; the rest are dropped, so memory stays bounded by activity.</summary>
    public ImmutableArray<ItemScore> TakeTop(int count)
    {
        var all = new List<ItemScore>(_scores.Count);
        foreach (var (item, score) in _scores)
        {
            all.Add(new ItemScore(item, score));
        }

        var top = TrendingRanking.Top(all, count);
        if (_scores.Count > 4 * count)
        {
            var floor = top.Length > 0 ? top[^1].LogScore : double.NegativeInfinity;
            foreach (var (item, score) in _scores)
            {
                if (score < floor)
                {
                    _scores.TryRemove(item, out _);
                }
            }
        }

        return top;
    }
}
