using AIaaS.Engine.Factorization;
using BenchmarkDotNet.Attributes;

namespace AIaaS.Benchmarks;

/// <summary>Folding one 200-event history into a k = 64 vector against 20k items.</summary>
[MemoryDiagnoser]
public class FoldInBenchmarks
{
    private const int Factors = 64;
    private const int Items = 20_000;
    private const int History = 200;
    private AlsFoldIn _foldIn = null!;
    private readonly int[] _indices = new int[History];
    private readonly float[] _values = new float[History];
    private readonly float[] _vector = new float[Factors];

    [GlobalSetup]
    public void Setup()
    {
        _foldIn = new AlsFoldIn(RandomData.Matrix(3, Items, Factors), new AlsOptions { Factors = Factors });
        var random = new Random(4);
        for (int i = 0; i < History; i++)
        {
            _indices[i] = random.Next(Items);
            _values[i] = 1 + random.Next(5);
        }
    }

    [Benchmark]
    public void ConjugateGradientWarmStart() => _foldIn.Solve(_indices, _values, _vector);

    [Benchmark]
    public void Exact() => _foldIn.SolveExact(_indices, _values, _vector);
}
