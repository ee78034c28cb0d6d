using System.Diagnostics;
using AIaaS.Engine.Content;
using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.Models;

/// <summary>Trains implicit ALS on collected interactions and packages the result as a <see cref="ModelSnapshot"/>.</summary>
public static class ModelTrainer
{
    /// <summary>
    /// Trains on the interactions of all <paramref name="interactions"/> (one matrix, see
    /// <see cref="InteractionMatrixBuilder.Build(IReadOnlyList{InteractionMatrixBuilder})"/>) and returns the snapshot
    /// with the given version and watermark; CPU-heavy, call it off any request path.
    /// With <paramref name="itemFeatures"/> (item id → features from <see cref="ItemFeatures.Of"/>), a
    /// <see cref="ContentMap"/> is fitted after ALS on the trained items that have features, with
    /// <paramref name="contentOptions"/> or the defaults; the snapshot's <see cref="ModelSnapshot.Content"/> is null
    /// when no trained item has features that another trained item shares.
    /// </summary>
    public static ModelSnapshot Train(IReadOnlyList<InteractionMatrixBuilder> interactions, AlsOptions options, long version, long[] watermark, TimeProvider time,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? itemFeatures = null, ContentMapOptions? contentOptions = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var started = Stopwatch.GetTimestamp();
        var (matrix, itemIds, users) = InteractionMatrixBuilder.Build(interactions);
        if (matrix.NonZeros == 0)
        {
            throw new InvalidOperationException("There are no interactions with a positive weight to train on.");
        }

        var model = new AlsTrainer(options).Fit(matrix);
        var itemGramian = Gramian.Compute(model.ItemFactors, options.Factors, options.Threads);
        var userGramian = Gramian.Compute(model.UserFactors, options.Factors, options.Threads);
        var content = itemFeatures is null ? null : FitContent(itemFeatures, itemIds, model.ItemFactors, options.Factors, contentOptions ?? new ContentMapOptions());
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["events"] = interactions.Sum(part => part.Interactions),
            ["pairs"] = matrix.NonZeros,
        };
        if (content is not null)
        {
            metrics["contentFeatures"] = content.Features.Count;
            metrics["contentItems"] = content.FittedItems;
        }

        metrics["trainSeconds"] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new ModelSnapshot(version, time.GetUtcNow(), options, itemIds, model.ItemFactors, itemGramian, userGramian, users, watermark, metrics, content);
    }

    private static ContentMap? FitContent(IReadOnlyDictionary<string, IReadOnlyCollection<string>> itemFeatures, string[] itemIds,
        float[] itemFactors, int factors, ContentMapOptions contentOptions)
    {
        var features = new IReadOnlyCollection<string>[itemIds.Length];
        for (int i = 0; i < itemIds.Length; i++) features[i] = itemFeatures.GetValueOrDefault(itemIds[i]) ?? [];
        return ContentMap.Fit(features, itemFactors, factors, contentOptions);
    }
}
