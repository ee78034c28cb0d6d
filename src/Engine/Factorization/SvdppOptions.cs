namespace AIaaS.Engine.Factorization;

/// <summary>
/// Options of SVD++ (<see cref="SvdppTrainer"/>): the biased MF's options for the factors and biases, and the step and
/// penalty of the implicit factors y. Defaults are the values chosen on MovieLens 100K's five rating folds.
/// </summary>
public sealed class SvdppOptions
{
    /// <summary>
    /// Factors, biases, epochs and seed, as for biased MF. The defaults differ from <see cref="MfOptions"/>' in the bias
    /// step (0.007) and the decay (0.92): with the implicit term the model fits faster and does best stopped sooner.
    /// </summary>
    public MfOptions Factorization { get; init; } = new() { BiasLearningRate = 0.007f, LearningRateDecay = 0.92f };

    /// <summary>SGD step size of the implicit factors y, decayed like the factor step. A fifth of the factor step: each user's y move once per epoch by the sum of all their ratings' gradients.</summary>
    public float ImplicitLearningRate { get; init; } = 0.006f;

    /// <summary>L2 penalty on the implicit factors y; much stronger than the factors' own, since every y speaks for every user who rated its item.</summary>
    public float ImplicitRegularization { get; init; } = 0.5f;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Factorization, "SvdppOptions.Factorization");
        Factorization.Validate();
        if (!(ImplicitLearningRate > 0f) || !float.IsFinite(ImplicitLearningRate)) ThrowHelper.Option("SvdppOptions.ImplicitLearningRate", "must be a finite number > 0", ImplicitLearningRate);
        if (!(ImplicitRegularization >= 0f) || !float.IsFinite(ImplicitRegularization)) ThrowHelper.Option("SvdppOptions.ImplicitRegularization", "must be a finite number >= 0", ImplicitRegularization);
    }
}
