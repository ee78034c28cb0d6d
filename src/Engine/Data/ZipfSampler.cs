namespace AIaaS.Engine.Data;

/// <summary>Samples an index with probability ∝ its weight by binary search over a cumulative table.</summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;
    private readonly int[] _values;

    /// <summary>Weights (rank + 1)^-exponent for <paramref name="values"/> in the given order.</summary>
    public ZipfSampler(int[] values, double exponent)
    {
        _values = values;
        _cumulative = new double[values.Length];
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += Math.Pow(i + 1, -exponent);
            _cumulative[i] = sum;
        }
    }

    public int Sample(ref SplitMix64 random)
    {
        double target = random.NextDouble() * _cumulative[^1];
        int at = Array.BinarySearch(_cumulative, target);
        if (at < 0) at = ~at;
        return _values[Math.Min(at, _values.Length - 1)];
    }
}
