using System.Diagnostics;
using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.Models;

/// <summary>Trains implicit ALS on collected interactions and packages the result as a <see cref="ModelSnapshot"/>.</summary>
public static class ModelTrainer
{
    /// <summary>Trains and returns the snapshot with the given version and watermark; CPU-heavy, call it off any request path.</summary>
    public static ModelSnapshot Train(InteractionMatrixBuilder interactions, AlsOptions options, long version, long[] watermark, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var started = Stopwatch.GetTimestamp();
        var (matrix, itemIds, users) = interactions.Build();
        if (matrix.NonZeros == 0)
        {
            throw new InvalidOperationException("There are no interactions with a positive weight to train on.");
        }

        var model = new AlsTrainer(options).Fit(matrix);
        var itemGramian = Gramian.Compute(model.ItemFactors, options.Factors, options.Threads);
        var userGramian = Gramian.Compute(model.UserFactors, options.Factors, options.Threads);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["events"] = interactions.Interactions,
            ["pairs"] = matrix.NonZeros,
            ["trainSeconds"] = Stopwatch.GetElapsedTime(started).TotalSeconds,
        };
        return new ModelSnapshot(version, time.GetUtcNow(), options, itemIds, model.ItemFactors, itemGramian, userGramian, users, watermark, metrics);
    }
}
