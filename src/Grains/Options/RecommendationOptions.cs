namespace AIaaS.Grains.Options;

/// <summary>How the model's ranking is turned into a list, bound from the configuration section <see cref="Section"/>.</summary>
public sealed class RecommendationOptions
{
    public const string Section = "AIaaS:Recommendations";

    /// <summary>
    /// Default MMR diversity weight λ in [0, 1] for requests that name none: 0 serves the model's order; higher values
    /// trade relevance for lists of less similar items (docs/benchmarks.md, "Diversity", has the measured trade-off).
    /// </summary>
    public float Diversity { get; set; } = DefaultDiversity;

    /// <summary>
    /// The default of <see cref="Diversity"/>, chosen on five ranking folds of MovieLens 100K with the default ALS: the
    /// largest λ of 0, 0.1 … 1 whose mean nDCG@10 stays within 0.01 of λ = 0.
    /// </summary>
    public const float DefaultDiversity = 0.4f;
}
