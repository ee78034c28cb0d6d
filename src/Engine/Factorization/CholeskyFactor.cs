using System.Numerics;
using System.Numerics.Tensors;

namespace AIaaS.Engine.Factorization;

/// <summary>
/// The in-place Cholesky factorization that the exact ALS row solve (float, k × k) and the content map's ridge
/// regression (double, features × features) share.
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
}
