using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AIaaS.Engine.Factorization;

/// <summary>
/// The fused per-interaction step of the ALS row solvers: acc += (a + b·(y·v))·y with y read once.
/// For short rows (k = 64) the two TensorPrimitives calls this replaces cost more in call and dispatch overhead
/// than in arithmetic; the 10M-event benchmark in docs/benchmarks.md measures the difference.
/// </summary>
internal static class RowKernels
{
    /// <summary>acc += (constant + slope·(y·v))·y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddAffineProjection(ReadOnlySpan<float> y, ReadOnlySpan<float> v, float constant, float slope, Span<float> acc)
    {
        if (!Vector256.IsHardwareAccelerated || y.Length % Vector256<float>.Count != 0)
        {
            TensorPrimitives.MultiplyAdd(y, constant + slope * TensorPrimitives.Dot(y, v), acc, acc);
            return;
        }
        ref float yRef = ref MemoryMarshal.GetReference(y);
        ref float vRef = ref MemoryMarshal.GetReference(v);
        ref float accRef = ref MemoryMarshal.GetReference(acc);
        int k = y.Length;
        var sum = Vector256<float>.Zero;
        for (int i = 0; i < k; i += Vector256<float>.Count)
        {
            sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref yRef, (nuint)i), Vector256.LoadUnsafe(ref vRef, (nuint)i), sum);
        }
        var scale = Vector256.Create(constant + slope * Vector256.Sum(sum));
        for (int i = 0; i < k; i += Vector256<float>.Count)
        {
            var updated = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref yRef, (nuint)i), scale, Vector256.LoadUnsafe(ref accRef, (nuint)i));
            updated.StoreUnsafe(ref accRef, (nuint)i);
        }
    }

    /// <summary>result = (G + λI)·v for a k × k row-major <paramref name="gramian"/>.</summary>
    public static void MultiplyRegularized(ReadOnlySpan<float> gramian, ReadOnlySpan<float> v, float lambda, Span<float> result)
    {
        int k = v.Length;
        if (k == 64 && Vector512.IsHardwareAccelerated)
        {
            MultiplyRegularized64(gramian, v, lambda, result);
            return;
        }
        if (!Vector256.IsHardwareAccelerated || k % Vector256<float>.Count != 0)
        {
            for (int i = 0; i < k; i++) result[i] = TensorPrimitives.Dot(gramian.Slice(i * k, k), v) + lambda * v[i];
            return;
        }
        ref float gRef = ref MemoryMarshal.GetReference(gramian);
        ref float vRef = ref MemoryMarshal.GetReference(v);
        for (int row = 0; row < k; row++)
        {
            var sum = Vector256<float>.Zero;
            nuint offset = (nuint)(row * k);
            for (int i = 0; i < k; i += Vector256<float>.Count)
            {
                sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref gRef, offset + (nuint)i), Vector256.LoadUnsafe(ref vRef, (nuint)i), sum);
            }
            result[row] = Vector256.Sum(sum) + lambda * v[row];
        }
    }

    /// <summary>k = 64: G is symmetric, so G·v = Σᵢ vᵢ·(row i of G), summed in registers without horizontal adds.</summary>
    private static void MultiplyRegularized64(ReadOnlySpan<float> gramian, ReadOnlySpan<float> v, float lambda, Span<float> result)
    {
        const int k = 64;
        ref float gRef = ref MemoryMarshal.GetReference(gramian[..(k * k)]);
        ref float vRef = ref MemoryMarshal.GetReference(v);
        var l = Vector512.Create(lambda);
        var a0 = Vector512.LoadUnsafe(ref vRef, 0) * l;
        var a1 = Vector512.LoadUnsafe(ref vRef, 16) * l;
        var a2 = Vector512.LoadUnsafe(ref vRef, 32) * l;
        var a3 = Vector512.LoadUnsafe(ref vRef, 48) * l;
        Vector512<float> b0 = default, b1 = default, b2 = default, b3 = default;
        for (int i = 0; i < k; i += 2)
        {
            ref float row = ref Unsafe.Add(ref gRef, i * k);
            var s = Vector512.Create(Unsafe.Add(ref vRef, i));
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 0), s, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 16), s, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 32), s, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 48), s, a3);
            row = ref Unsafe.Add(ref row, k);
            s = Vector512.Create(Unsafe.Add(ref vRef, i + 1));
            b0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 0), s, b0);
            b1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 16), s, b1);
            b2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 32), s, b2);
            b3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 48), s, b3);
        }
        ref float rRef = ref MemoryMarshal.GetReference(result[..k]);
        (a0 + b0).StoreUnsafe(ref rRef, 0);
        (a1 + b1).StoreUnsafe(ref rRef, 16);
        (a2 + b2).StoreUnsafe(ref rRef, 32);
        (a3 + b3).StoreUnsafe(ref rRef, 48);
    }
}
