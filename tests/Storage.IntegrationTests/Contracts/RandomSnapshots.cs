using AIaaS.Engine.Factorization;
using AIaaS.Engine.Models;

namespace AIaaS.Storage.IntegrationTests.Contracts;

/// <summary>Model snapshots with random factors, as large as a test asks.</summary>
internal static class RandomSnapshots
{
    /// <summary>Trained at a whole millisecond: the snapshot codec keeps no finer time.</summary>
    public static ModelSnapshot Create(Random random, long version, int items, int factors)
    {
        var ids = new string[items];
        for (var i = 0; i < items; i++)
        {
            ids[i] = $"v{version}-item-{i}";
        }

        return new ModelSnapshot(version, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123 + version), new AlsOptions { Factors = factors }, ids, Vector(random, items * factors),
            Vector(random, factors * factors), Vector(random, factors * factors), items / 3, [version, -1, 40], new Dictionary<string, double> { ["rmse"] = random.NextDouble() });
    }

    public static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static float[] Vector(Random random, int length)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }
}
