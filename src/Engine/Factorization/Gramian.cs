using System.Numerics.Tensors;

namespace AIaaS.Engine.Factorization;

/// <summary>YᵀY of a row-major factor matrix, summed in fixed blocks so the result does not depend on thread timing.</summary>
internal static class Gramian
{
    private const int BlockRows = 2048;

    public static float[] Compute(ReadOnlySpan<float> factors, int k, int threads)
    {
        int rows = factors.Length / k;
        int blocks = Math.Max(1, (rows + BlockRows - 1) / BlockRows);
        var partials = new float[blocks * k * k];
        var source = factors.ToArray();
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, block =>
        {
            var g = partials.AsSpan(block * k * k, k * k);
            int end = Math.Min(rows, (block + 1) * BlockRows);
            for (int r = block * BlockRows; r < end; r++)
            {
                var y = source.AsSpan(r * k, k);
                for (int a = 0; a < k; a++)
                {
                    var row = g.Slice(a * k, k);
                    TensorPrimitives.MultiplyAdd(y, y[a], row, row);
                }
            }
        });
        var result = partials.AsSpan(0, k * k);
        for (int block = 1; block < blocks; block++) TensorPrimitives.Add(result, partials.AsSpan(block * k * k, k * k), result);
        return result.ToArray();
    }
}
