namespace AIaaS.Engine.Factorization;

/// <summary>Options of biased matrix factorization for explicit ratings (<see cref="MfTrainer"/>). Defaults are tuned on MovieLens 100K (rating protocol).</summary>
public sealed class MfOptions
{
    /// <summary>Latent dimension k. More factors fit finer structure but need more regularization and time per epoch.</summary>
    public int Factors { get; init; } = 128;

    /// <summary>SGD step size. Larger steps converge in fewer epochs but can diverge or stop short of the minimum.</summary>
    public float LearningRate { get; init; } = 0.03f;

    /// <summary>SGD step size of the user and item biases, decayed like <see cref="LearningRate"/>. Half the factor step works best on
    /// MovieLens: biases are few and see many ratings each, so a smaller step keeps them from chasing the latest rating.</summary>
    public float BiasLearningRate { get; init; } = 0.015f;

    /// <summary>Multiplier applied to the learning rate after each epoch (1 = constant). Decay lets early epochs move fast and late ones settle.</summary>
    public float LearningRateDecay { get; init; } = 0.95f;

    /// <summary>L2 penalty on the factor rows. Higher values trade training fit for generalization; ratings data is noisy, so this matters most.</summary>
    public float Regularization { get; init; } = 0.09f;

    /// <summary>L2 penalty on the user and item biases; usually smaller than the factor penalty because biases carry most of the signal.</summary>
    public float BiasRegularization { get; init; } = 0.01f;

    /// <summary>Passes over the training ratings. Too few underfit; too many overfit unless regularization is strong.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Standard deviation of the initial factors. Small values let the biases fit first and the factors grow only where
    /// the data asks; too small (0.01 at k = 128) slows the start and ends worse.</summary>
    public float InitialScale { get; init; } = 0.02f;

    /// <summary>Seed of the initial factors and the shuffling order; the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    internal void Validate()
    {
        if (Factors is < 1 or > 1024) ThrowHelper.Option("MfOptions.Factors", "must be between 1 and 1024", Factors);
        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate)) ThrowHelper.Option("MfOptions.LearningRate", "must be a finite number > 0", LearningRate);
        if (!(BiasLearningRate >= 0f) || !float.IsFinite(BiasLearningRate)) ThrowHelper.Option("MfOptions.BiasLearningRate", "must be a finite number >= 0", BiasLearningRate);
        if (!(LearningRateDecay > 0f) || LearningRateDecay > 1f) ThrowHelper.Option("MfOptions.LearningRateDecay", "must be in (0, 1]", LearningRateDecay);
        if (!(Regularization >= 0f) || !float.IsFinite(Regularization)) ThrowHelper.Option("MfOptions.Regularization", "must be a finite number >= 0", Regularization);
        if (!(BiasRegularization >= 0f) || !float.IsFinite(BiasRegularization)) ThrowHelper.Option("MfOptions.BiasRegularization", "must be a finite number >= 0", BiasRegularization);
        if (Epochs is < 1 or > 100_000) ThrowHelper.Option("MfOptions.Epochs", "must be between 1 and 100000", Epochs);
        if (!(InitialScale >= 0f) || !float.IsFinite(InitialScale)) ThrowHelper.Option("MfOptions.InitialScale", "must be a finite number >= 0", InitialScale);
    }
}
