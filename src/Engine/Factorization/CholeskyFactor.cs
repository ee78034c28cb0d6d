using System.Numerics;
using System.Numerics.Tensors;

namespace AIaaS.Engine.Factorization;

/// <summary>
/// The in-place Cholesky factorization that the exact ALS row solve (float, k × k), the content map's ridge
/// regression and EASE (double, features × features and items × items) share, and the solve with many right-hand
/// sides that the last two share.
/// </summary>
internal static class CholeskyFactor
{
    /// <summary>Factors the lower triangle of the row-major <paramref name="n"/> × <paramref name="n"/> matrix into L (A = LLᵀ); a non-positive pivot is clamped to keep the solve finite.</summary>
    public static void InPlace<T>(Span<T> a, int n)
        where T : IFloatingPointIeee754<T>
    {
        var smallest = T.CreateTruncating(1e-12);
        for (int i = 0; i < n; i++)
        {
            var rowI = a.Slice(i * n, n);
            for (int j = 0; j < i; j++)
            {
                var rowJ = a.Slice(j * n, n);
                rowI[j] = (rowI[j] - TensorPrimitives.Dot<T>(rowI[..j], rowJ[..j])) / rowJ[j];
            }
            T diagonal = rowI[i] - TensorPrimitives.Dot<T>(rowI[..i], rowI[..i]);
            rowI[i] = T.Sqrt(T.Max(diagonal, smallest));
        }
    }

    /// <summary>Solves LLᵀX = B in place for the k right-hand sides in the columns of <paramref name="b"/> (row-major n × k), given L in the lower triangle of <paramref name="l"/>.</summary>
    public static void Solve(ReadOnlySpan<double> l, Span<double> b, int n, int k)
    {
        for (int i = 0; i < n; i++)
        {
            var x = b.Slice(i * k, k);
            for (int j = 0; j < i; j++)
            {
                // Features that never share an item leave most of the ridge regression's L zero.
                if (l[i * n + j] != 0) TensorPrimitives.MultiplyAdd<double>(b.Slice(j * k, k), -l[i * n + j], x, x);
            }
            TensorPrimitives.Divide<double>(x, l[i * n + i], x);
        }
        for (int i = n - 1; i >= 0; i--)
        {
            var x = b.Slice(i * k, k);
            for (int j = i + 1; j < n; j++)
            {
                if (l[j * n + i] != 0) TensorPrimitives.MultiplyAdd<double>(b.Slice(j * k, k), -l[j * n + i], x, x);
            }
            TensorPrimitives.Divide<double>(x, l[i * n + i], x);
        }
    }
}
