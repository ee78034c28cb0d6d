namespace AIaaS.Benchmarks;

/// <summary>Seeded random matrices for the benchmarks.</summary>
internal static class RandomData
{
    public static float[] Matrix(int seed, int rows, int columns)
    {
        var random = new Random(seed);
        var m = new float[rows * columns];
        for (int i = 0; i < m.Length; i++) m[i] = (float)(random.NextDouble() - 0.5);
        return m;
    }
}
