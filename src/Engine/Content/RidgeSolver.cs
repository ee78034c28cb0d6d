using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.Content;

/// <summary>
/// Ridge regression from binary feature rows to factor rows through the normal equations:
/// (XᵀX + λI) W = XᵀV, solved by Cholesky in double precision. An intercept column (all ones, unpenalized) is the
/// last row of W when asked for.
/// </summary>
internal static class RidgeSolver
{
    /// <summary>W, row-major [(features + intercept) × k]; <paramref name="rows"/> holds each fitted item's sorted feature indices.</summary>
    public static float[] Solve(IReadOnlyList<int[]> rows, IReadOnlyList<int> itemOf, ReadOnlySpan<float> itemFactors, int k,
        int features, bool intercept, double lambda)
    {
        int n = features + (intercept ? 1 : 0);
        var a = new double[n * n];
        var b = new double[n * k];
        for (int r = 0; r < rows.Count; r++)
        {
            var indices = rows[r];
            var target = itemFactors.Slice(itemOf[r] * k, k);
            foreach (var f in indices)
            {
                var row = a.AsSpan(f * n, n);
                foreach (var g in indices)
                {
                    if (g > f) break;
                    row[g] += 1.0;
                }
                AddTo(b.AsSpan(f * k, k), target);
            }
            if (!intercept) continue;
            var bias = a.AsSpan(features * n, n);
            foreach (var f in indices) bias[f] += 1.0;
            bias[features] += 1.0;
            AddTo(b.AsSpan(features * k, k), target);
        }
        for (int f = 0; f < features; f++) a[f * n + f] += lambda;
        CholeskyFactor.InPlace(a, n);
        CholeskyFactor.Solve(a, b, n, k);
        var weights = new float[n * k];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)b[i];
        return weights;
    }

    private static void AddTo(Span<double> sum, ReadOnlySpan<float> values)
    {
        for (int d = 0; d < values.Length; d++) sum[d] += values[d];
    }
}
