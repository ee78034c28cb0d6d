using AIaaS.Engine.Factorization;

namespace AIaaS.Cli.Commands;

/// <summary>What `aiaas evaluate` was asked for; null overrides keep the model's tuned defaults.</summary>
internal sealed record EvaluationRequest(string Data, string Model, string Protocol, int Seed, bool Json)
{
    /// <summary>1: the protocol's single split; k ≥ 2: k disjoint test folds, reported as mean and deviation.</summary>
    public int Folds { get; init; } = 1;

    /// <summary>MMR diversity weight λ of the re-ranking (0 = off).</summary>
    public float Diversity { get; init; }

    public int? Factors { get; init; }
    public float? Regularization { get; init; }
    public float? Alpha { get; init; }
    public int? Iterations { get; init; }
    public float? RegularizationExponent { get; init; }
    public ConfidenceScaling? Confidence { get; init; }
    public int? CgSteps { get; init; }
    public float? LearningRate { get; init; }
    public float? LearningRateDecay { get; init; }
    public float? BiasLearningRate { get; init; }
    public float? BiasRegularization { get; init; }
    public float? ImplicitLearningRate { get; init; }
    public float? ImplicitRegularization { get; init; }
    public double? ContentRegularization { get; init; }
    public bool? ContentIntercept { get; init; }

    public AlsOptions AlsOptions()
    {
        var defaults = new AlsOptions();
        return new AlsOptions
        {
            Factors = Factors ?? defaults.Factors,
            Regularization = Regularization ?? defaults.Regularization,
            Alpha = Alpha ?? defaults.Alpha,
            Iterations = Iterations ?? defaults.Iterations,
            RegularizationExponent = RegularizationExponent ?? defaults.RegularizationExponent,
            Confidence = Confidence ?? defaults.Confidence,
            CgSteps = CgSteps ?? defaults.CgSteps,
            Seed = Seed,
        };
    }

    public EaseOptions EaseOptions() =>
        new() { Regularization = Regularization ?? new EaseOptions().Regularization };

    public SvdppOptions SvdppOptions()
    {
        var defaults = new SvdppOptions();
        return new SvdppOptions
        {
            Factorization = MfOptions(defaults.Factorization),
            ImplicitLearningRate = ImplicitLearningRate ?? defaults.ImplicitLearningRate,
            ImplicitRegularization = ImplicitRegularization ?? defaults.ImplicitRegularization,
        };
    }

    public MfOptions MfOptions() => MfOptions(new MfOptions());

    private MfOptions MfOptions(MfOptions defaults)
    {
        return new MfOptions
        {
            Factors = Factors ?? defaults.Factors,
            Regularization = Regularization ?? defaults.Regularization,
            Epochs = Iterations ?? defaults.Epochs,
            LearningRate = LearningRate ?? defaults.LearningRate,
            LearningRateDecay = LearningRateDecay ?? defaults.LearningRateDecay,
            BiasLearningRate = BiasLearningRate ?? defaults.BiasLearningRate,
            BiasRegularization = BiasRegularization ?? defaults.BiasRegularization,
            Seed = Seed,
        };
    }
}
