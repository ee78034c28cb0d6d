using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AIaaS.Engine.Factorization;

/// <summary>
/// The factor update of one SGD step of biased MF, fused: p ← s·p + g·q and q ← s·q + g·p (both from the old values),
/// one pass over the two rows instead of a copy and four TensorPrimitives calls; the MF speed figure in
/// docs/benchmarks.md measures the difference.
/// </summary>
internal static class SgdKernels
{
    /// <summary>p and q of equal length; <paramref name="shrink"/> = 1 − rate·λ, <paramref name="step"/> = rate·error.</summary>
    public static void UpdatePair(Span<float> p, Span<float> q, float shrink, float step)
    {
        int k = p.Length;
        q = q[..k];
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref float pRef = ref MemoryMarshal.GetReference(p);
            ref float qRef = ref MemoryMarshal.GetReference(q);
            var s = Vector512.Create(shrink);
            var g = Vector512.Create(step);
            for (; i <= k - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var pv = Vector512.LoadUnsafe(ref pRef, (nuint)i);
                var qv = Vector512.LoadUnsafe(ref qRef, (nuint)i);
                Vector512.FusedMultiplyAdd(qv, g, pv * s).StoreUnsafe(ref pRef, (nuint)i);
                Vector512.FusedMultiplyAdd(pv, g, qv * s).StoreUnsafe(ref qRef, (nuint)i);
            }
        }
        for (; i < k; i++)
        {
            float pi = p[i], qi = q[i];
            p[i] = shrink * pi + step * qi;
            q[i] = shrink * qi + step * pi;
        }
    }
}
