using AIaaS.Engine.Data;

namespace AIaaS.Engine.Factorization;

/// <summary>One ALS half-step: every row of <c>target</c> solved against the fixed factors of the other side.</summary>
internal static class AlsHalfStep
{
    private const int RowsPerTask = 64;

    /// <summary>Factor rows a CG row solve may copy contiguously (512 KB at k = 64, half of a core's L2 on the benchmark machine).</summary>
    private const int GatherRows = 2048;

    /// <summary>Solves all rows of <paramref name="matrix"/> (whose values are the extra confidences c − 1) in parallel.</summary>
    public static void Run(RatingMatrix matrix, float[] fixedFactors, float[] target, AlsOptions options)
    {
        int k = options.Factors;
        var gramian = Gramian.Compute(fixedFactors, k, options.Threads);
        var solver = options.EffectiveSolver;
        int scratchSize = solver == AlsSolver.Cholesky ? AlsRowSolver.CholeskyScratch(k) : AlsRowSolver.CgScratch(k) + GatherRows * k;
        int tasks = (matrix.Rows + RowsPerTask - 1) / RowsPerTask;
        Parallel.For(0, tasks, new ParallelOptions { MaxDegreeOfParallelism = options.Threads },
            () => new float[scratchSize],
            (task, _, scratch) =>
            {
                int end = Math.Min(matrix.Rows, (task + 1) * RowsPerTask);
                for (int row = task * RowsPerTask; row < end; row++)
                {
                    SolveRow(matrix, row, gramian, fixedFactors, target.AsSpan(row * k, k), options, solver, scratch);
                }
                return scratch;
            },
            _ => { });
    }

    private static void SolveRow(RatingMatrix matrix, int row, float[] gramian, float[] fixedFactors, Span<float> x,
        AlsOptions options, AlsSolver solver, float[] scratch)
    {
        var indices = matrix.RowIndices(row);
        var extra = matrix.RowValues(row);
        float lambda = options.RowRegularization(indices.Length);
        if (solver == AlsSolver.Cholesky)
        {
            AlsRowSolver.Cholesky(gramian, fixedFactors, options.Factors, indices, extra, lambda, x, scratch);
        }
        else
        {
            int own = AlsRowSolver.CgScratch(options.Factors);
            AlsRowSolver.ConjugateGradient(gramian, fixedFactors, options.Factors, indices, extra, lambda, options.CgSteps, x,
                scratch.AsSpan(0, own), scratch.AsSpan(own));
        }
    }

    /// <summary>A copy of <paramref name="matrix"/> whose values are the extra confidences c − 1 of its values.</summary>
    public static RatingMatrix WithExtraConfidence(RatingMatrix matrix, AlsOptions options)
    {
        var extra = new float[matrix.NonZeros];
        for (int i = 0; i < extra.Length; i++) extra[i] = options.ExtraConfidence(matrix.Values[i]);
        return new RatingMatrix(matrix.Rows, matrix.Columns, matrix.RowPointers, matrix.ColumnIndices, extra);
    }
}
