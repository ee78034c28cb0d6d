namespace AIaaS.Engine.Factorization;

/// <summary>Options of EASE (<see cref="EaseTrainer"/>). Defaults are the values chosen on MovieLens 100K's ranking folds.</summary>
public sealed class EaseOptions
{
    /// <summary>
    /// The largest catalog EASE trains on. Its item-item weights are dense (items² floats: 400 MB at 10,000 items) and
    /// the solve is cubic in the items, so larger catalogs belong to ALS.
    /// </summary>
    public const int MaxItems = 10_000;

    /// <summary>L2 penalty λ added to the diagonal of the item Gram matrix. Larger values trust co-occurrence less and favour popular items less sharply.</summary>
    public double Regularization { get; init; } = 300;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    internal void Validate()
    {
        if (!(Regularization > 0) || !double.IsFinite(Regularization)) ThrowHelper.Option("EaseOptions.Regularization", "must be a finite number > 0", Regularization);
    }
}
