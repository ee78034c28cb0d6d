namespace AIaaS.Engine;

/// <summary>
/// A tiny seeded generator (SplitMix64) whose sequence is fixed by this code alone, so splits, data and
/// initial factors stay the same across runtimes and machines.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>This generator as it will be after <paramref name="count"/> more calls of <see cref="Next"/> (each adds a fixed step to the state).</summary>
    public readonly SplitMix64 Skip(long count) => new(unchecked(_state + (ulong)count * 0x9E3779B97F4A7C15UL));

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, bound).</summary>
    public int NextInt(int bound) => (int)((Next() >> 33) * (ulong)bound >> 31);

    /// <summary>Standard normal (Box-Muller); always two calls of <see cref="Next"/>.</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A generator for a sub-stream, e.g. one user, derived from a seed and a key.</summary>
    public static SplitMix64 ForKey(int seed, long key)
    {
        var mixer = new SplitMix64(((ulong)(uint)seed << 32) ^ (ulong)key);
        return new SplitMix64(mixer.Next());
    }
}
