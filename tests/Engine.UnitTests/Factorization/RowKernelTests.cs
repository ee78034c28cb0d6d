using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.UnitTests.Factorization;

/// <summary>The ALS and SGD kernels (AVX-512 where present) against plain double-precision loops, at k = 64 and at a k that takes the generic path.</summary>
public class RowKernelTests
{
    [Theory]
    [InlineData(64)]
    [InlineData(24)]
    public void Gramian_MatchesNaiveProduct(int k)
    {
        var y = Random(3000 * k, 1);

        var g = Gramian.Compute(y, k, threads: 2);

        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                double expected = 0;
                for (int r = 0; r < 3000; r++) expected += (double)y[r * k + a] * y[r * k + b];
                Assert.Equal(expected, g[a * k + b], 2e-3);
            }
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(24)]
    public void MultiplyRegularized_MatchesNaiveProduct(int k)
    {
        var g = Gramian.Compute(Random(50 * k, 2), k, threads: 1);
        var v = Random(k, 3);
        var result = new float[k];

        RowKernels.MultiplyRegularized(g, v, 0.7f, result);

        for (int i = 0; i < k; i++)
        {
            double expected = 0.7 * v[i];
            for (int j = 0; j < k; j++) expected += (double)g[i * k + j] * v[j];
            Assert.Equal(expected, result[i], 1e-3);
        }
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(64, false)]
    [InlineData(24, true)]
    public void RowPass_MatchesNaiveSum(int k, bool residual)
    {
        var factors = Random(40 * k, 4);
        int[] indices = [3, 0, 39, 17, 17, 8, 25, 11, 30, 2];
        var extra = Random(indices.Length, 5);
        var v = Random(k, 6);
        var acc = Random(k, 7);
        var expected = acc.Select(a => (double)a).ToArray();

        RowPassKernels.Accumulate(factors, k, indices, extra, residual, v, acc);

        for (int j = 0; j < indices.Length; j++)
        {
            double dot = 0;
            for (int i = 0; i < k; i++) dot += (double)factors[indices[j] * k + i] * v[i];
            double coefficient = residual ? 1 + extra[j] - extra[j] * dot : extra[j] * dot;
            for (int i = 0; i < k; i++) expected[i] += coefficient * factors[indices[j] * k + i];
        }
        for (int i = 0; i < k; i++) Assert.Equal(expected[i], acc[i], 1e-3);
    }

    [Fact]
    public void ConjugateGradient_GatheredRows_SameBitsAsGathering()
    {
        const int k = 64;
        var factors = Random(40 * k, 8);
        var gramian = Gramian.Compute(factors, k, threads: 1);
        int[] indices = [3, 0, 39, 17, 8, 25, 11, 30, 2];
        var extra = Random(indices.Length, 9);
        var direct = Random(k, 10);
        var viaCopy = direct.ToArray();

        AlsRowSolver.ConjugateGradient(gramian, factors, k, indices, extra, 2f, 3, direct, new float[AlsRowSolver.CgScratch(k)]);
        AlsRowSolver.ConjugateGradient(gramian, factors, k, indices, extra, 2f, 3, viaCopy, new float[AlsRowSolver.CgScratch(k)],
            new float[indices.Length * k]);

        Assert.Equal(direct, viaCopy);
    }

    [Theory]
    [InlineData(128)]
    [InlineData(21)]
    public void SgdUpdatePair_UsesOldValuesOfBothRows(int k)
    {
        var p = Random(k, 11);
        var q = Random(k, 12);
        var (oldP, oldQ) = (p.ToArray(), q.ToArray());

        SgdKernels.UpdatePair(p, q, 0.9f, 0.05f);

        for (int i = 0; i < k; i++)
        {
            Assert.Equal(0.9 * oldP[i] + 0.05 * oldQ[i], p[i], 1e-6);
            Assert.Equal(0.9 * oldQ[i] + 0.05 * oldP[i], q[i], 1e-6);
        }
    }

    private static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(random.NextDouble() - 0.5);
        return values;
    }
}
