using System.Numerics.Tensors;

namespace AIaaS.Engine.Factorization;

/// <summary>
/// Solves one row of an implicit ALS half-step: (YᵀY + λI + Yᵤᵀ(Cᵤ − I)Yᵤ) x = YᵤᵀCᵤ·1.
/// <c>extra</c> holds c − 1 per interaction. Training and fold-in share this code, so they agree to the bit.
/// </summary>
internal static class AlsRowSolver
{
    private const float Tolerance = 1e-20f;

    /// <summary>Scratch floats <see cref="ConjugateGradient"/> needs.</summary>
    public static int CgScratch(int k) => 3 * k;

    /// <summary>Scratch floats <see cref="Cholesky"/> needs.</summary>
    public static int CholeskyScratch(int k) => k * k + k;

    /// <summary>
    /// Conjugate gradient warm-started from <paramref name="x"/> (the implicit library's per-row CG). When the row's factor
    /// rows fit in <paramref name="gathered"/>, the first pass copies them there and the CG steps read them contiguously
    /// instead of gathering them again.
    /// </summary>
    public static void ConjugateGradient(ReadOnlySpan<float> gramian, ReadOnlySpan<float> factors, int k,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> extra, float lambda, int steps, Span<float> x, Span<float> scratch,
        Span<float> gathered = default)
    {
        bool contiguous = steps > 0 && RowPassKernels.Specialized(k) && indices.Length * k <= gathered.Length;
        var rows = contiguous ? gathered[..(indices.Length * k)] : default;
        var r = scratch[..k];
        var p = scratch.Slice(k, k);
        var ap = scratch.Slice(2 * k, k);

        // r = b − A·x, with b = Σ c·y and A·x = (G + λI)x + Σ (c − 1)(y·x)·y.
        RowKernels.MultiplyRegularized(gramian, x, lambda, r);
        TensorPrimitives.Negate(r, r);
        RowPassKernels.Accumulate(factors, k, indices, extra, residual: true, x, r, rows);
        r.CopyTo(p);
        float rsOld = TensorPrimitives.Dot(r, r);
        for (int step = 0; step < steps && rsOld >= Tolerance; step++)
        {
            RowKernels.MultiplyRegularized(gramian, p, lambda, ap);
            if (contiguous) RowPassKernels.AccumulateContiguous(rows, extra, residual: false, p, ap);
            else RowPassKernels.Accumulate(factors, k, indices, extra, residual: false, p, ap);
            float pAp = TensorPrimitives.Dot(p, ap);
            if (!(pAp > 0f)) break;
            float alpha = rsOld / pAp;
            TensorPrimitives.MultiplyAdd(p, alpha, x, x);
            TensorPrimitives.MultiplyAdd(ap, -alpha, r, r);
            float rsNew = TensorPrimitives.Dot(r, r);
            TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, r, p);
            rsOld = rsNew;
        }
    }

    /// <summary>Exact solve: forms A and b, factors A = LLᵀ in place and substitutes.</summary>
    public static void Cholesky(ReadOnlySpan<float> gramian, ReadOnlySpan<float> factors, int k,
        ReadOnlySpan<int> indices, ReadOnlySpan<float> extra, float lambda, Span<float> x, Span<float> scratch)
    {
        var a = scratch[..(k * k)];
        var b = scratch.Slice(k * k, k);
        gramian.CopyTo(a);
        b.Clear();
        for (int i = 0; i < k; i++) a[i * k + i] += lambda;
        for (int j = 0; j < indices.Length; j++)
        {
            var y = factors.Slice(indices[j] * k, k);
            float w = extra[j];
            TensorPrimitives.MultiplyAdd(y, 1f + w, b, b);
            if (w == 0f) continue;
            for (int row = 0; row < k; row++)
            {
                var target = a.Slice(row * k, row + 1);
                TensorPrimitives.MultiplyAdd(y[..(row + 1)], w * y[row], target, target);
            }
        }
        CholeskyFactor.InPlace(a, k);
        Substitute(a, b, x, k);
    }

    /// <summary>Solves LLᵀx = b given the factor in the lower triangle of <paramref name="l"/>.</summary>
    private static void Substitute(ReadOnlySpan<float> l, ReadOnlySpan<float> b, Span<float> x, int k)
    {
        for (int i = 0; i < k; i++)
        {
            var row = l.Slice(i * k, k);
            x[i] = (b[i] - TensorPrimitives.Dot(row[..i], x[..i])) / row[i];
        }
        for (int i = k - 1; i >= 0; i--)
        {
            float sum = x[i];
            for (int j = i + 1; j < k; j++) sum -= l[j * k + i] * x[j];
            x[i] = sum / l[i * k + i];
        }
    }
}
