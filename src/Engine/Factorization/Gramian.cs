using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AIaaS.Engine.Factorization;

/// <summary>YᵀY of a row-major factor matrix, summed in fixed blocks so the result does not depend on thread timing.</summary>
internal static class Gramian
{
    private const int BlockRows = 2048;

    public static float[] Compute(float[] factors, int k, int threads)
    {
        int rows = factors.Length / k;
        int blocks = Math.Max(1, (rows + BlockRows - 1) / BlockRows);
        var partials = new float[blocks * k * k];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, block =>
        {
            int start = block * BlockRows;
            var y = factors.AsSpan(start * k, (Math.Min(rows, start + BlockRows) - start) * k);
            var g = partials.AsSpan(block * k * k, k * k);
            if (k == 64 && Vector512.IsHardwareAccelerated) AddBlock64(y, g);
            else AddBlock(y, k, g);
        });
        var result = partials.AsSpan(0, k * k);
        for (int block = 1; block < blocks; block++) TensorPrimitives.Add(result, partials.AsSpan(block * k * k, k * k), result);
        return result.ToArray();
    }

    private static void AddBlock(ReadOnlySpan<float> block, int k, Span<float> g)
    {
        for (int r = 0; r < block.Length; r += k)
        {
            var y = block.Slice(r, k);
            for (int a = 0; a < k; a++)
            {
                var row = g.Slice(a * k, k);
                TensorPrimitives.MultiplyAdd(y, y[a], row, row);
            }
        }
    }

    /// <summary>k = 64: four rows of G at a time in sixteen 512-bit accumulators, one pass over the (L2-resident) block each.</summary>
    private static void AddBlock64(ReadOnlySpan<float> block, Span<float> g)
    {
        const int k = 64;
        ref float yRef = ref MemoryMarshal.GetReference(block);
        for (int a = 0; a < k; a += 4)
        {
            Vector512<float> g00 = default, g01 = default, g02 = default, g03 = default;
            Vector512<float> g10 = default, g11 = default, g12 = default, g13 = default;
            Vector512<float> g20 = default, g21 = default, g22 = default, g23 = default;
            Vector512<float> g30 = default, g31 = default, g32 = default, g33 = default;
            for (int r = 0; r < block.Length; r += k)
            {
                ref float y = ref Unsafe.Add(ref yRef, r);
                var y0 = Vector512.LoadUnsafe(ref y, 0);
                var y1 = Vector512.LoadUnsafe(ref y, 16);
                var y2 = Vector512.LoadUnsafe(ref y, 32);
                var y3 = Vector512.LoadUnsafe(ref y, 48);
                var b = Vector512.Create(Unsafe.Add(ref y, a));
                g00 = Vector512.FusedMultiplyAdd(y0, b, g00); g01 = Vector512.FusedMultiplyAdd(y1, b, g01);
                g02 = Vector512.FusedMultiplyAdd(y2, b, g02); g03 = Vector512.FusedMultiplyAdd(y3, b, g03);
                b = Vector512.Create(Unsafe.Add(ref y, a + 1));
                g10 = Vector512.FusedMultiplyAdd(y0, b, g10); g11 = Vector512.FusedMultiplyAdd(y1, b, g11);
                g12 = Vector512.FusedMultiplyAdd(y2, b, g12); g13 = Vector512.FusedMultiplyAdd(y3, b, g13);
                b = Vector512.Create(Unsafe.Add(ref y, a + 2));
                g20 = Vector512.FusedMultiplyAdd(y0, b, g20); g21 = Vector512.FusedMultiplyAdd(y1, b, g21);
                g22 = Vector512.FusedMultiplyAdd(y2, b, g22); g23 = Vector512.FusedMultiplyAdd(y3, b, g23);
                b = Vector512.Create(Unsafe.Add(ref y, a + 3));
                g30 = Vector512.FusedMultiplyAdd(y0, b, g30); g31 = Vector512.FusedMultiplyAdd(y1, b, g31);
                g32 = Vector512.FusedMultiplyAdd(y2, b, g32); g33 = Vector512.FusedMultiplyAdd(y3, b, g33);
            }
            ref float out0 = ref MemoryMarshal.GetReference(g.Slice(a * k, 4 * k));
            Store(ref out0, 0, g00, g01, g02, g03);
            Store(ref out0, k, g10, g11, g12, g13);
            Store(ref out0, 2 * k, g20, g21, g22, g23);
            Store(ref out0, 3 * k, g30, g31, g32, g33);
        }
    }

    private static void Store(ref float row, int offset, Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3)
    {
        ref float at = ref Unsafe.Add(ref row, offset);
        v0.StoreUnsafe(ref at, 0);
        v1.StoreUnsafe(ref at, 16);
        v2.StoreUnsafe(ref at, 32);
        v3.StoreUnsafe(ref at, 48);
    }
}
