using AIaaS.Engine.Factorization;
using AIaaS.Engine.Models;

namespace AIaaS.Engine.UnitTests;

/// <summary>Model snapshots with random item factors, for scoring tests.</summary>
internal static class RandomModels
{
    public static ModelSnapshot Create(Random random, long version, int items, int k)
    {
        var factors = Vector(random, items * k);
        var ids = new string[items];
        for (int i = 0; i < items; i++) ids[i] = $"i{i}";
        return new ModelSnapshot(version, DateTimeOffset.UnixEpoch, new AlsOptions { Factors = k }, ids, factors,
            new float[k * k], new float[k * k], 0, [], new Dictionary<string, double>());
    }

    public static float[] Vector(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)((random.NextDouble() * 2) - 1);
        return values;
    }
}
