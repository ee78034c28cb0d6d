using System.Collections.Immutable;
using AIaaS.Engine.Scoring;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;

namespace AIaaS.Grains.Users;

/// <summary>
/// Reorders the first <see cref="DiversityReranker.Candidates"/> items of a blended ranking by MMR over the model's
/// item factors; the rest keep their order. An item the model has no row for (new, or cold from its metadata) counts
/// as unlike every other, so MMR favours it a little. Scores stay the ranking's: the order is MMR's. MMR picks greedily,
/// so it picks only as deep as the page reaches: a deeper page's first picks are the same ones, and the pool's
/// unpicked rest keeps its ranked order behind them.
/// </summary>
public static class DiversifiedRanking
{
    public static ImmutableArray<RecommendedItem> Apply(ImmutableArray<RecommendedItem> ranked, LoadedModel model, float lambda, int depth)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        int pool = Math.Min(ranked.Length, DiversityReranker.Candidates), k = model.Snapshot.Factors;
        if (pool < 2)
        {
            return ranked;
        }

        var factors = new float[pool * k];
        var candidates = new int[pool];
        var scores = new float[pool];
        for (var i = 0; i < pool; i++)
        {
            candidates[i] = i;
            scores[i] = (float)ranked[i].Score;
            var index = model.IndexOf(ranked[i].ItemId);
            if (index >= 0)
            {
                model.Snapshot.ItemFactors.AsSpan(index * k, k).CopyTo(factors.AsSpan(i * k, k));
            }
        }

        var picks = Math.Min(depth, pool);
        var order = new int[picks];
        DiversityReranker.Rerank(candidates, scores, factors, k, lambda, order, new float[picks]);
        var picked = new bool[pool];
        var result = ImmutableArray.CreateBuilder<RecommendedItem>(ranked.Length);
        foreach (var i in order)
        {
            result.Add(ranked[i]);
            picked[i] = true;
        }

        for (var i = 0; i < pool; i++)
        {
            if (!picked[i])
            {
                result.Add(ranked[i]);
            }
        }

        result.AddRange(ranked[pool..]);
        return result.MoveToImmutable();
    }
}
