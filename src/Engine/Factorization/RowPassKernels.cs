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

    /// <summary>True when the k = 64 AVX-512 path (and so <see cref="AccumulateContiguous"/>) is available.</summary>
    public static bool Specialized(int k) => k == K && Vector512.IsHardwareAccelerated;

    /// <summary>
    /// <paramref name="residual"/>: cⱼ = 1 + eⱼ, sⱼ = −eⱼ (the b − A·x part of the residual); otherwise cⱼ = 0, sⱼ = eⱼ (A·p).
    /// When <paramref name="copyTo"/> is not empty (only on the specialized path), the gathered rows are also written to it
    /// contiguously, for later passes to read with <see cref="AccumulateContiguous"/>.
    /// </summary>
    public static unsafe void Accumulate(ReadOnlySpan<float> factors, int k, ReadOnlySpan<int> indices, ReadOnlySpan<float> extra,
        bool residual, ReadOnlySpan<float> v, Span<float> acc, Span<float> copyTo = default)
    {
        if (!Specialized(k))
        {
            for (int j = 0; j < indices.Length; j++)
            {
                float e = extra[j];
                RowKernels.AddAffineProjection(factors.Slice(indices[j] * k, k), v, residual ? 1f + e : 0f, residual ? -e : e, acc);
            }
            return;
        }
        if (!copyTo.IsEmpty && copyTo.Length < indices.Length * K) ThrowHelper.LengthMismatch(nameof(copyTo), indices.Length * K, copyTo.Length);
        fixed (float* rows = factors)
        fixed (int* index = indices)
        fixed (float* copy = copyTo)
        {
            Accumulate64(rows, index, extra[..indices.Length], copy, residual, v[..K], acc[..K]);
        }
    }

    /// <summary>The same pass over rows already gathered contiguously (row j of <paramref name="rows"/> belongs to <c>extra[j]</c>).</summary>
    public static unsafe void AccumulateContiguous(ReadOnlySpan<float> rows, ReadOnlySpan<float> extra, bool residual,
        ReadOnlySpan<float> v, Span<float> acc)
    {
        if (rows.Length < extra.Length * K) ThrowHelper.LengthMismatch(nameof(rows), extra.Length * K, rows.Length);
        fixed (float* y = rows)
        {
            Accumulate64(y, null, extra, null, residual, v[..K], acc[..K]);
        }
    }

    /// <summary>Row j is <c>rows + index[j]·64</c>, or <c>rows + j·64</c> when <paramref name="index"/> is null.</summary>
    private static unsafe void Accumulate64(float* rows, int* index, ReadOnlySpan<float> extra, float* copy, bool residual,
        ReadOnlySpan<float> v, Span<float> acc)
    {
        float constantScale = residual ? 1f : 0f, slopeSign = residual ? -1f : 1f;
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
        int n = extra.Length;
        for (int j = 0; j < n; j++)
        {
            float* y;
            if (index is null)
            {
                y = rows + (nint)j * K;
            }
            else
            {
                if (Sse.IsSupported && j + PrefetchDistance < n)
                {
                    float* next = rows + (nint)index[j + PrefetchDistance] * K;
                    Sse.Prefetch0(next);
                    Sse.Prefetch0(next + 16);
                    Sse.Prefetch0(next + 32);
                    Sse.Prefetch0(next + 48);
                }
                y = rows + (nint)index[j] * K;
            }
            var y0 = Vector512.Load(y);
            var y1 = Vector512.Load(y + 16);
            var y2 = Vector512.Load(y + 32);
            var y3 = Vector512.Load(y + 48);
            if (copy is not null)
            {
                float* to = copy + (nint)j * K;
                y0.Store(to);
                y1.Store(to + 16);
                y2.Store(to + 32);
                y3.Store(to + 48);
            }
            var d0 = Vector512.FusedMultiplyAdd(y1, v1, y0 * v0);
            var d1 = Vector512.FusedMultiplyAdd(y3, v3, y2 * v2);
            float e = extra[j];
            var scale = Vector512.Create(constantScale * (1f + e) + slopeSign * e * Vector512.Sum(d0 + d1));
            a0 = Vector512.FusedMultiplyAdd(y0, scale, a0);
            a1 = Vector512.FusedMultiplyAdd(y1, scale, a1);
            a2 = Vector512.FusedMultiplyAdd(y2, scale, a2);
            a3 = Vector512.FusedMultiplyAdd(y3, scale, a3);
        }
        a0.StoreUnsafe(ref accRef, 0);
        a1.StoreUnsafe(ref accRef, 16);
        a2.StoreUnsafe(ref accRef, 32);
        a3.StoreUnsafe(ref accRef, 48);
    }
}
