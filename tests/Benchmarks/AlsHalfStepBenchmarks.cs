using AIaaS.Engine.Data;
using AIaaS.Engine.Factorization;
using BenchmarkDotNet.Attributes;

namespace AIaaS.Benchmarks;

/// <summary>ALS training on a generated log (one iteration = an item and a user half-step), k = 64.</summary>
public class AlsHalfStepBenchmarks
{
    private RatingMatrix _matrix = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Path.GetTempPath(), "aiaas-benchmarks-als");
        SyntheticLogGenerator.Write(dir, new SyntheticLogOptions { Users = 20_000, Items = 5_000, Events = 1_000_000 });
        _matrix = DenseRatings.From(MovieLens.Load(dir)).ToMatrix();
        Directory.Delete(dir, recursive: true);
    }

    [Benchmark]
    public AlsModel OneIteration() => new AlsTrainer(new AlsOptions { Factors = 64, Iterations = 1 }).Fit(_matrix);
}
