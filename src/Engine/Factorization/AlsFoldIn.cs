using System.Buffers;

namespace AIaaS.Engine.Factorization;

/// <summary>
/// Computes one user's (or item's) factor row from a weighted history exactly as an ALS half-step would,
/// against fixed factors of the other side. Thread-safe; holds the fixed factors and their Gramian.
/// </summary>
public sealed class AlsFoldIn
{
    private const int StackLimit = 512;
    private readonly float[] _factors;
    private readonly float[] _gramian;

    /// <summary>Creates a fold-in over row-major <paramref name="fixedFactors"/> [rows × options.Factors], computing their Gramian.</summary>
    public AlsFoldIn(float[] fixedFactors, AlsOptions options)
        : this(fixedFactors, Factorization.Gramian.Compute(ValidatedFactors(fixedFactors, options), options.Factors, options.Threads), options)
    {
    }

    /// <summary>Creates a fold-in with a precomputed Gramian (k × k, row-major) of <paramref name="fixedFactors"/>.</summary>
    public AlsFoldIn(float[] fixedFactors, float[] gramian, AlsOptions options)
    {
        ValidatedFactors(fixedFactors, options);
        ArgumentNullException.ThrowIfNull(gramian);
        if (gramian.Length != options.Factors * options.Factors) ThrowHelper.LengthMismatch(nameof(gramian), options.Factors * options.Factors, gramian.Length);
        _factors = fixedFactors;
        _gramian = gramian;
        Options = options;
    }

    /// <summary>The options (factors, confidence, regularization, solver) the fold-in applies.</summary>
    public AlsOptions Options { get; }

    /// <summary>Latent dimension k.</summary>
    public int Factors => Options.Factors;

    /// <summary>The Gramian of the fixed factors, k × k row-major.</summary>
    public ReadOnlySpan<float> Gramian => _gramian;

    /// <summary>
    /// Updates <paramref name="vector"/> in place as the configured half-step would: conjugate gradient warm-started from
    /// its current contents (pass the previous vector, or zeros), or the exact solve when the options say Cholesky.
    /// </summary>
    /// <param name="indices">Dense indices of the interacted rows of the fixed side.</param>
    /// <param name="values">Raw interaction values (ratings, event weights); confidence is applied here.</param>
    /// <param name="vector">In: the warm start. Out: the folded-in row.</param>
    public void Solve(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> vector) =>
        Run(indices, values, vector, Options.EffectiveSolver);

    /// <summary>Overwrites <paramref name="vector"/> with the exact least-squares solution (Cholesky), whatever the configured solver.</summary>
    public void SolveExact(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> vector) =>
        Run(indices, values, vector, AlsSolver.Cholesky);

    private void Run(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> vector, AlsSolver solver)
    {
        int k = Options.Factors;
        if (values.Length != indices.Length) ThrowHelper.LengthMismatch(nameof(values), indices.Length, values.Length);
        if (vector.Length != k) ThrowHelper.LengthMismatch(nameof(vector), k, vector.Length);
        int rows = _factors.Length / k;
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)rows) ThrowHelper.OutOfRange(nameof(indices), $"index {index} is outside 0..{rows - 1}.");
        }

        int scratchSize = solver == AlsSolver.Cholesky ? AlsRowSolver.CholeskyScratch(k) : AlsRowSolver.CgScratch(k);
        float[]? rentedExtra = indices.Length > StackLimit ? ArrayPool<float>.Shared.Rent(indices.Length) : null;
        float[]? rentedScratch = scratchSize > StackLimit ? ArrayPool<float>.Shared.Rent(scratchSize) : null;
        Span<float> extra = rentedExtra is null ? stackalloc float[indices.Length] : rentedExtra.AsSpan(0, indices.Length);
        Span<float> scratch = rentedScratch is null ? stackalloc float[scratchSize] : rentedScratch.AsSpan(0, scratchSize);
        for (int i = 0; i < values.Length; i++) extra[i] = Options.ExtraConfidence(values[i]);
        float lambda = Options.RowRegularization(indices.Length);
        if (solver == AlsSolver.Cholesky)
        {
            AlsRowSolver.Cholesky(_gramian, _factors, k, indices, extra, lambda, vector, scratch);
        }
        else
        {
            AlsRowSolver.ConjugateGradient(_gramian, _factors, k, indices, extra, lambda, Options.CgSteps, vector, scratch);
        }
        if (rentedExtra is not null) ArrayPool<float>.Shared.Return(rentedExtra);
        if (rentedScratch is not null) ArrayPool<float>.Shared.Return(rentedScratch);
    }

    private static float[] ValidatedFactors(float[] fixedFactors, AlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(fixedFactors);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (fixedFactors.Length % options.Factors != 0)
        {
            ThrowHelper.Argument($"fixedFactors has length {fixedFactors.Length}, not a multiple of Factors = {options.Factors}.", nameof(fixedFactors));
        }
        return fixedFactors;
    }
}
