using System.Collections.Immutable;
using System.Diagnostics;
using AIaaS.Grains.Catalog;
using AIaaS.Grains.Inference;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Telemetry;
using AIaaS.Engine.Scoring;
using AIaaS.Grains.Trending;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Users;

/// <summary>
/// Ranks items for a history, a user's or an anonymous session's: the model's scores for the history's vector
/// (filters inside scoring) blended with new and live items; without a vector, what the history's items were consumed
/// with; then trending; for a filtered request, then the catalog. Each answer skips the history's items, the
/// request's exclusions and whatever the catalog leaves out, and is paged by the request's offset.
/// </summary>
public sealed class Recommender(
    IGrainFactory grains,
    ModelCatalog catalog,
    ItemCatalog items,
    CatalogDeltaCache delta,
    TrendingCache trending,
    TrendingAccumulator accumulator,
    TimeProvider time,
    EngineMetrics metrics,
    IOptions<EngineOptions> options,
    IOptions<RecommendationOptions> recommendations)
{
    private readonly EngineOptions _options = options.Value;
    private readonly float _diversity = recommendations.Value.Diversity;

    /// <summary>
    /// The page of recommendations for <paramref name="history"/> (the user id is left empty for the caller to name);
    /// the history's vector is folded in again first when the model changed.
    /// </summary>
    public async Task<Recommendations> RecommendAsync(UserState history, RecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(request);
        EventRules.ThrowIfInvalid(CatalogRules.CheckRequest(request), nameof(request));
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var skip = SkipRule(history, request, now);
        var (version, ranked, source) = await RankAsync(history, request, skip, now);
        TrendingRecommender.Append(ranked, Trending(), request.Depth, skip);
        CatalogFill.Append(ranked, items, request, now, skip);
        metrics.RecommendationServed(source, Stopwatch.GetElapsedTime(started));
        return new Recommendations(string.Empty, version, [.. ranked.Skip(request.Offset).Take(request.Count)]);
    }

    /// <summary>The model's ranking when the history has a vector; otherwise what its recent items were consumed with.</summary>
    private async Task<(long? Version, List<RecommendedItem> Ranked, string Source)> RankAsync(
        UserState history, RecommendationRequest request, Func<string, bool> skip, DateTimeOffset now)
    {
        var model = await RecommendFromModelAsync(history, request, skip, now);
        if (model is { } scored)
        {
            return (scored.Version, scored.Ranked, "model");
        }

        var sources = CoConsumedRecommender.SourcesOf(history.History);
        if (sources.Count == 0)
        {
            return (null, [], "trending");
        }

        var wanted = Math.Min(EventRules.MaxCount, request.Depth + history.Seen.Count);
        var similar = await Task.WhenAll(sources.Select(itemId => grains.ByKey<IItemGrain>(itemId).GetSimilarAsync(wanted).AsTask()));
        return (catalog.Current?.Version, CoConsumedRecommender.Merge(sources, similar, request.Depth, skip), "co-consumed");
    }

    /// <summary>Scores the history's vector through the silo's inference grain; null when there is no model or no vector.</summary>
    private async Task<(long Version, List<RecommendedItem> Ranked)?> RecommendFromModelAsync(
        UserState history, RecommendationRequest request, Func<string, bool> skip, DateTimeOffset now)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (catalog.Current is not { } model)
            {
                return null;
            }

            if (history.EmbeddingVersion != model.Version)
            {
                UserEmbedding.Refresh(history, model, _options);
            }

            if (history.Embedding is not { } vector)
            {
                return null;
            }

            // MMR reorders a fixed pool of the best candidates, so a diverse answer is scored that deep.
            var lambda = request.Diversity ?? _diversity;
            var depth = lambda > 0 ? Math.Max(request.Depth, DiversityReranker.Candidates) : request.Depth;
            var top = await ModelScoring.TopAsync(grains, model, vector, depth, ExcludedIndices(history, model, request, now), request.Items);
            if (top is null)
            {
                // A newer model was published between the fold-in and the scoring: fold in again and rescore.
                continue;
            }

            var scored = new List<RecommendedItem>(top.Count);
            foreach (var (itemId, index, score) in top)
            {
                var because = UserEmbedding.ClosestHistoryItem(history.History, model, index, _options.CoOccurrenceWindow);
                scored.Add(new RecommendedItem(itemId, score, because is null ? "recommended for you" : $"because you watched {because}"));
            }

            var blended = CandidateBlender.Blend(scored, vector, model, delta, skip, depth, _options.LiveBoost, now,
                items.ColdItemsFor(model), cold => items.LikeOf(model, cold));
            return (model.Version, [.. lambda > 0 ? DiversifiedRanking.Apply(blended, model, lambda, request.Depth) : blended]);
        }

        return null;
    }

    /// <summary>
    /// What no answer may hold: the history's items, the request's exclusions, items the catalog leaves out for this
    /// filter (hidden, deleted, unavailable, not matching) and ended live items.
    /// </summary>
    private Func<string, bool> SkipRule(UserState history, RecommendationRequest request, DateTimeOffset now)
    {
        var seen = history.Seen;
        var exclude = request.Exclude.IsDefaultOrEmpty ? null : request.Exclude.ToHashSet(StringComparer.Ordinal);
        var filter = request.Items;
        return itemId => seen.Contains(itemId) || exclude?.Contains(itemId) == true || !items.Allows(itemId, filter, now) || delta.IsOver(itemId, now);
    }

    /// <summary>The cluster's trending list, or before its first publication this silo's own items.</summary>
    private ImmutableArray<ItemScore> Trending() => trending.Current is { Length: > 0 } published ? published : accumulator.PeekTop(_options.TrendingSize);

    private ImmutableArray<int> ExcludedIndices(UserState history, LoadedModel model, RecommendationRequest request, DateTimeOffset now)
    {
        var excluded = history.Seen.AsEnumerable();
        if (!request.Exclude.IsDefaultOrEmpty)
        {
            excluded = excluded.Concat(request.Exclude);
        }

        return ModelScoring.IndicesOf(model, excluded.Concat(delta.Ended(now)));
    }
}
