namespace AIaaS.Engine.Factorization;

/// <summary>Options of implicit ALS (<see cref="AlsTrainer"/>). Defaults are the values tuned on MovieLens 100K (ranking protocol).</summary>
public sealed class AlsOptions
{
    /// <summary>Latent dimension k. More factors fit finer taste but cost O(k²) per row and overfit sparse data; 32–128 is typical.</summary>
    public int Factors { get; init; } = 64;

    /// <summary>
    /// L2 penalty λ on each factor row, scaled by <see cref="RegularizationExponent"/>. Larger values shrink rarely seen
    /// users and items towards zero; on small data sets strong regularization matters more than many factors.
    /// </summary>
    public float Regularization { get; init; } = 3f;

    /// <summary>
    /// Exponent e that scales λ by row frequency: λ·(1 + n)^e for a row with n interactions. 0 is the paper's constant λ;
    /// 1 is ALS-WR (Zhou et al. 2008), which regularizes heavy users and popular items harder. The default 0.5, with
    /// λ = 3, gives a row of about 180 interactions the earlier constant λ = 40, rarer rows much less and more popular
    /// ones more, which is what lets the model recommend more of the catalog (docs/benchmarks.md, "Diversity").
    /// </summary>
    public float RegularizationExponent { get; init; } = 0.5f;

    /// <summary>Confidence slope α in c = 1 + α·f(r). Higher values trust observed interactions more against the unobserved zeros; too high overfits popular items.</summary>
    public float Alpha { get; init; } = 2f;

    /// <summary>How a value becomes a confidence; see <see cref="ConfidenceScaling"/>.</summary>
    public ConfidenceScaling Confidence { get; init; } = ConfidenceScaling.Logarithmic;

    /// <summary>Number of alternating passes (items, then users). Each costs two half-steps; 10–20 is usually converged.</summary>
    public int Iterations { get; init; } = 15;

    /// <summary>Conjugate-gradient steps per row and half-step. 2–4 is enough because each solve is warm-started from the previous one; more steps approach the exact solve.</summary>
    public int CgSteps { get; init; } = 3;

    /// <summary>Row solver: conjugate gradient, exact Cholesky, or automatic by <see cref="Factors"/>.</summary>
    public AlsSolver Solver { get; init; } = AlsSolver.Auto;

    /// <summary>Maximum degree of parallelism over rows. More threads than cores only adds contention.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of the initial factors; the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Standard deviation of the initial factors. Small values keep the first half-step close to the regularized solution.</summary>
    public float InitialScale { get; init; } = 0.01f;

    /// <summary>The solver actually used after resolving <see cref="AlsSolver.Auto"/>.</summary>
    internal AlsSolver EffectiveSolver => Solver == AlsSolver.Auto ? (Factors > 32 ? AlsSolver.ConjugateGradient : AlsSolver.Cholesky) : Solver;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    internal void Validate()
    {
        if (Factors is < 1 or > 1024) ThrowHelper.Option("AlsOptions.Factors", "must be between 1 and 1024", Factors);
        if (!(Regularization >= 0f) || !float.IsFinite(Regularization)) ThrowHelper.Option("AlsOptions.Regularization", "must be a finite number >= 0", Regularization);
        if (!float.IsFinite(RegularizationExponent) || RegularizationExponent is < 0f or > 2f) ThrowHelper.Option("AlsOptions.RegularizationExponent", "must be between 0 and 2", RegularizationExponent);
        if (!(Alpha >= 0f) || !float.IsFinite(Alpha)) ThrowHelper.Option("AlsOptions.Alpha", "must be a finite number >= 0", Alpha);
        if (!Enum.IsDefined(Confidence)) ThrowHelper.Option("AlsOptions.Confidence", "must be Linear, Logarithmic or Binary", Confidence);
        if (Iterations is < 1 or > 10_000) ThrowHelper.Option("AlsOptions.Iterations", "must be between 1 and 10000", Iterations);
        if (CgSteps is < 1 or > 1024) ThrowHelper.Option("AlsOptions.CgSteps", "must be between 1 and 1024", CgSteps);
        if (!Enum.IsDefined(Solver)) ThrowHelper.Option("AlsOptions.Solver", "must be Auto, ConjugateGradient or Cholesky", Solver);
        if (Threads is < 1 or > 1024) ThrowHelper.Option("AlsOptions.Threads", "must be between 1 and 1024", Threads);
        if (!(InitialScale > 0f) || !float.IsFinite(InitialScale)) ThrowHelper.Option("AlsOptions.InitialScale", "must be a finite number > 0", InitialScale);
    }

    /// <summary>The confidence minus one (the weight on top of the unobserved baseline) for a value.</summary>
    internal float ExtraConfidence(float value) => Confidence switch
    {
        ConfidenceScaling.Logarithmic => Alpha * MathF.Log(1f + MathF.Max(value, 0f)),
        ConfidenceScaling.Binary => Alpha,
        _ => Alpha * value,
    };

    /// <summary>λ for a row with <paramref name="count"/> interactions.</summary>
    internal float RowRegularization(int count) =>
        RegularizationExponent == 0f ? Regularization : Regularization * MathF.Pow(1f + count, RegularizationExponent);
}
