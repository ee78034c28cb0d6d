using AIaaS.Engine.Data;

namespace AIaaS.Engine.Factorization;

/// <summary>
/// Implicit-feedback ALS with confidence weighting (Hu, Koren &amp; Volinsky 2008). Each half-step precomputes YᵀY once
/// and solves every row in parallel by warm-started conjugate gradient or an exact Cholesky solve.
/// </summary>
public sealed class AlsTrainer
{
    /// <summary>Creates a trainer with the given options, validated once here.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public AlsTrainer(AlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>
    /// Creates a trainer from the most-tuned options; everything else keeps the <see cref="AlsOptions"/> defaults
    /// (64 factors, logarithmic confidence with α = 2, λ = 3 scaled by (1 + n)^0.5, 15 iterations, 3 CG steps, all cores).
    /// </summary>
    public AlsTrainer(int factors = 64, float regularization = 3f, float alpha = 2f, int iterations = 15)
        : this(new AlsOptions { Factors = factors, Regularization = regularization, Alpha = alpha, Iterations = iterations })
    {
    }

    /// <summary>The validated options.</summary>
    public AlsOptions Options { get; }

    /// <summary>Trains on a user × item matrix of interaction strengths (ratings, play counts, event weights).</summary>
    public AlsModel Fit(RatingMatrix userItems)
    {
        ArgumentNullException.ThrowIfNull(userItems);
        int k = Options.Factors;
        var users = AlsHalfStep.WithExtraConfidence(userItems, Options);
        var items = users.Transpose();
        var userFactors = RandomFactors(users.Rows, k, Options.Seed);
        var itemFactors = RandomFactors(items.Rows, k, Options.Seed + 1);
        for (int iteration = 0; iteration < Options.Iterations; iteration++)
        {
            // Items first, users last: the users returned are an exact half-step against the returned items,
            // which is what fold-in reproduces.
            AlsHalfStep.Run(items, userFactors, itemFactors, Options);
            AlsHalfStep.Run(users, itemFactors, userFactors, Options);
        }
        return new AlsModel(userFactors, itemFactors, users.Rows, items.Rows, Options);
    }

    /// <summary>Gaussian initial factors, filled in parallel chunks that skip ahead in one seeded stream: the same values as a serial fill.</summary>
    private float[] RandomFactors(int rows, int k, int seed)
    {
        const int Chunk = 1 << 16;
        var start = new SplitMix64((ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
        var factors = new float[rows * k];
        double scale = Options.InitialScale;
        Parallel.For(0, (factors.Length + Chunk - 1) / Chunk, new ParallelOptions { MaxDegreeOfParallelism = Options.Threads }, chunk =>
        {
            int from = chunk * Chunk, to = Math.Min(factors.Length, from + Chunk);
            var random = start.Skip(2L * from);
            for (int i = from; i < to; i++) factors[i] = (float)(random.NextGaussian() * scale);
        });
        return factors;
    }
}
