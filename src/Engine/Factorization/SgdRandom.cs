namespace AIaaS.Engine.Factorization;

/// <summary>The seeded starting factors and visiting orders of the SGD trainers (biased MF and SVD++).</summary>
internal static class SgdRandom
{
    /// <summary><paramref name="length"/> draws of N(0, <paramref name="scale"/>²).</summary>
    public static float[] Gaussian(int length, float scale, ref SplitMix64 random)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(random.NextGaussian() * scale);
        return values;
    }

    /// <summary>Fisher–Yates over <paramref name="order"/>, from its end.</summary>
    public static void Shuffle(Span<int> order, ref SplitMix64 random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
