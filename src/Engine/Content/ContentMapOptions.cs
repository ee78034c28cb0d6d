namespace AIaaS.Engine.Content;

/// <summary>Options of <see cref="ContentMap.Fit(IReadOnlyList{IReadOnlyCollection{string}}, ReadOnlySpan{float}, int, ContentMapOptions)"/>.</summary>
public sealed class ContentMapOptions
{
    /// <summary>The λ tuned on MovieLens 100K's cold-items protocol (docs/benchmarks.md).</summary>
    public const double DefaultRegularization = 30.0;

    /// <summary>
    /// Ridge penalty λ on the feature weights. Small values let a rare feature carry the few items it was seen on;
    /// large values shrink every weight towards zero, so projections fall back to the intercept (the average item).
    /// </summary>
    public double Regularization { get; init; } = DefaultRegularization;

    /// <summary>
    /// Whether an unpenalized bias row is fitted (the mean item vector, roughly). It centers the other weights, so a
    /// feature's weight says how its items differ from the average item rather than from zero.
    /// </summary>
    public bool Intercept { get; init; } = true;

    /// <summary>A feature enters the vocabulary only when at least this many fitted items carry it; a feature seen once teaches nothing that generalizes.</summary>
    public int MinItems { get; init; } = 2;

    /// <summary>
    /// The vocabulary keeps at most this many features, the most frequent first. The fit solves a dense
    /// features × features system: at 4096 that is 128 MiB of doubles and a few seconds of Cholesky.
    /// </summary>
    public int MaxFeatures { get; init; } = 4096;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    internal void Validate()
    {
        if (!(Regularization > 0) || !double.IsFinite(Regularization)) ThrowHelper.Option("ContentMapOptions.Regularization", "must be a finite number > 0", Regularization);
        if (MinItems is < 1) ThrowHelper.Option("ContentMapOptions.MinItems", "must be at least 1", MinItems);
        if (MaxFeatures is < 1 or > 16_384) ThrowHelper.Option("ContentMapOptions.MaxFeatures", "must be between 1 and 16384", MaxFeatures);
    }
}
