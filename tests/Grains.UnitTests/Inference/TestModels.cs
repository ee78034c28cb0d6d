using AIaaS.Engine.Factorization;
using AIaaS.Engine.Models;

namespace AIaaS.Grains.UnitTests.Inference;

/// <summary>Random model snapshots whose item count depends on the version, so a mixed-version answer shows.</summary>
internal static class TestModels
{
    public const int Factors = 8;

    public static int ItemsOf(long version) => 40 + (30 * (int)version);

    public static ModelSnapshot Create(long version, int seed)
    {
        var random = new Random(seed);
        int items = ItemsOf(version);
        var factors = Vector(random, items * Factors);
        var ids = Enumerable.Range(0, items).Select(i => $"v{version}-i{i}").ToArray();
        var gramian = new float[Factors * Factors];
        for (int d = 0; d < Factors; d++) gramian[(d * Factors) + d] = 1f;
        return new ModelSnapshot(version, DateTimeOffset.UnixEpoch, new AlsOptions { Factors = Factors }, ids, factors,
            gramian, (float[])gramian.Clone(), 0, [], new Dictionary<string, double>());
    }

    public static float[] Vector(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)((random.NextDouble() * 2) - 1);
        return values;
    }
}
