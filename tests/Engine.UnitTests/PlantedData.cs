using AIaaS.Engine.Data;

namespace AIaaS.Engine.UnitTests;

/// <summary>A small synthetic log with planted taste clusters, generated once per test run.</summary>
internal static class PlantedData
{
    private static readonly Lazy<DenseRatings> Shared = new(() =>
    {
        using var dir = new TempDirectory();
        SyntheticLogGenerator.Write(dir.Path, new SyntheticLogOptions { Users = 400, Items = 200, Events = 16_000, Clusters = 4, Seed = 5 });
        return DenseRatings.From(MovieLens.Load(dir.Path));
    });

    public static DenseRatings Ratings => Shared.Value;
}
