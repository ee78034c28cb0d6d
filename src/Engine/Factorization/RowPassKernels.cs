using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AIaaS.Engine.Factorization;

/// <summary>
/// One pass of a CG row solve over all of a row's interactions: acc += Σⱼ (cⱼ + sⱼ·(yⱼ·v))·yⱼ, with the accumulator and
/// <c>v</c> held in registers for the whole row and the next factor rows prefetched. A specialization for k = 64 with
/// AVX-512 (the default factor count); other shapes take <see cref="RowKernels.AddAffineProjection"/> per interaction.
/// </summary>
internal static class RowPassKernels
{
    private const int K = 64;
    private const int PrefetchDistance = 6;

    /// <summary>
    /// <paramref name="residual"/>: cⱼ = 1 + eⱼ, sⱼ = −eⱼ (the b − A·x part of the residual); otherwise cⱼ = 0, sⱼ = eⱼ (A·p).
    /// </summary>
    public static void Accumulate(ReadOnlySpan<float> factors, int k, ReadOnlySpan<int> indices, ReadOnlySpan<float> extra,
        bool residual, ReadOnlySpan<float> v, Span<float> acc)
    {
        if (k != K || !Vector512.IsHardwareAccelerated)
        {
            for (int j = 0; j < indices.Length; j++)
            {
                float e = extra[j];
                RowKernels.AddAffineProjection(factors.Slice(indices[j] * k, k), v, residual ? 1f + e : 0f, residual ? -e : e, acc);
            }
            return;
        }
        Accumulate64(factors, indices, extra, residual ? 1f : 0f, residual ? -1f : 1f, v, acc);
    }

    private static unsafe void Accumulate64(ReadOnlySpan<float> factors, ReadOnlySpan<int> indices, ReadOnlySpan<float> extra,
        float constantScale, float slopeSign, ReadOnlySpan<float> v, Span<float> acc)
    {
        ref float vRef = ref MemoryMarshal.GetReference(v);
        ref float accRef = ref MemoryMarshal.GetReference(acc);
        var v0 = Vector512.LoadUnsafe(ref vRef, 0);
        var v1 = Vector512.LoadUnsafe(ref vRef, 16);
        var v2 = Vector512.LoadUnsafe(ref vRef, 32);
        var v3 = Vector512.LoadUnsafe(ref vRef, 48);
        var a0 = Vector512.LoadUnsafe(ref accRef, 0);
        var a1 = Vector512.LoadUnsafe(ref accRef, 16);
        var a2 = Vector512.LoadUnsafe(ref accRef, 32);
        var a3 = Vector512.LoadUnsafe(ref accRef, 48);
        fixed (float* basePtr = factors)
        {
            int n = indices.Length;
            for (int j = 0; j < n; j++)
            {
                if (Sse.IsSupported && j + PrefetchDistance < n)
                {
                    float* next = basePtr + (nint)indices[j + PrefetchDistance] * K;
                    Sse.Prefetch0(next);
                    Sse.Prefetch0(next + 16);
                    Sse.Prefetch0(next + 32);
                    Sse.Prefetch0(next + 48);
                }
                float* y = basePtr + (nint)indices[j] * K;
                var y0 = Vector512.Load(y);
                var y1 = Vector512.Load(y + 16);
                var y2 = Vector512.Load(y + 32);
                var y3 = Vector512.Load(y + 48);
                var d0 = Vector512.FusedMultiplyAdd(y1, v1, y0 * v0);
                var d1 = Vector512.FusedMultiplyAdd(y3, v3, y2 * v2);
                float e = extra[j];
                var scale = Vector512.Create(constantScale * (1f + e) + slopeSign * e * Vector512.Sum(d0 + d1));
                a0 = Vector512.FusedMultiplyAdd(y0, scale, a0);
                a1 = Vector512.FusedMultiplyAdd(y1, scale, a1);
                a2 = Vector512.FusedMultiplyAdd(y2, scale, a2);
                a3 = Vector512.FusedMultiplyAdd(y3, scale, a3);
            }
        }
        a0.StoreUnsafe(ref accRef, 0);
        a1.StoreUnsafe(ref accRef, 16);
        a2.StoreUnsafe(ref accRef, 32);
        a3.StoreUnsafe(ref accRef, 48);
    }
}
