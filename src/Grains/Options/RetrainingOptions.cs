using AIaaS.Engine.Factorization;

namespace AIaaS.Grains.Options;

/// <summary>When and how the cluster retrains its model, bound from the configuration section <see cref="Section"/>.</summary>
public sealed class RetrainingOptions
{
    public const string Section = "AIaaS:Retraining";

    /// <summary>The configuration key of <see cref="Retain"/>.</summary>
    public const string RetainKey = "AIaaS:Models:Retain";

    /// <summary>Retrain at least this often (a reminder; Orleans reminders fire at most once a minute).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Retrain once this many events arrived since the current model's data.</summary>
    public long EventThreshold { get; set; } = 100_000;

    /// <summary>How often the event threshold is checked.</summary>
    public TimeSpan ThresholdCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the reminder and the event threshold wait after a failed training before they start another; it
    /// doubles with each failure in a row up to <see cref="MaxFailureBackoff"/>. A retraining asked for explicitly runs at once.
    /// </summary>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait after failures in a row.</summary>
    public TimeSpan MaxFailureBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Model versions kept in the model store (<c>AIaaS:Models:Retain</c>); older ones are deleted after each training, never the current one.</summary>
    public int Retain { get; set; } = 3;

    /// <summary>Events read from a log partition per call while collecting the training data.</summary>
    public int ReadPageSize { get; set; } = 20_000;

    /// <summary>Latent dimension k of the trained model.</summary>
    public int Factors { get; set; } = 64;

    /// <summary>ALS regularization λ (scaled per row by <see cref="RegularizationExponent"/>); the value chosen on MovieLens' folds, as <see cref="AlsOptions"/>'.</summary>
    public float Regularization { get; set; } = new AlsOptions().Regularization;

    /// <summary>ALS confidence slope α.</summary>
    public float Alpha { get; set; } = new AlsOptions().Alpha;

    /// <summary>
    /// How an event's value becomes an ALS confidence (Linear, Logarithmic or Binary). Logarithmic, with α = 2, λ = 3
    /// and <see cref="RegularizationExponent"/> 0.5, is the default since it recommends 41% more of the catalog than
    /// the earlier Linear, α = 1, λ = 40 at the same nDCG@10 on MovieLens (docs/benchmarks.md, "Diversity").
    /// </summary>
    public ConfidenceScaling Confidence { get; set; } = new AlsOptions().Confidence;

    /// <summary>Scales λ by (1 + n)^e for a row with n interactions; 0 keeps one λ for every row.</summary>
    public float RegularizationExponent { get; set; } = new AlsOptions().RegularizationExponent;

    /// <summary>ALS iterations.</summary>
    public int Iterations { get; set; } = 15;

    /// <summary>Training threads; more than the silo's cores only adds contention with serving.</summary>
    public int Threads { get; set; } = Environment.ProcessorCount;

    public AlsOptions ToAlsOptions() => new()
    {
        Factors = Factors,
        Regularization = Regularization,
        Alpha = Alpha,
        Confidence = Confidence,
        RegularizationExponent = RegularizationExponent,
        Iterations = Iterations,
        Threads = Threads,
    };
}
