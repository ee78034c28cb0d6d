using AIaaS.Engine.Scoring;
using BenchmarkDotNet.Attributes;

namespace AIaaS.Benchmarks;

/// <summary>Top-10 over a 20k × 64 item matrix: one user, and a batch of 256.</summary>
[MemoryDiagnoser]
public class TopKBenchmarks
{
    private const int Factors = 64;
    private const int Users = 256;
    private float[] _items = [];
    private float[] _users = [];
    private readonly int[] _indices = new int[Users * 10];
    private readonly float[] _scores = new float[Users * 10];
    private readonly int[] _exclude = [3, 30, 300, 3000];

    [Params(20_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _items = RandomData.Matrix(1, Items, Factors);
        _users = RandomData.Matrix(2, Users, Factors);
    }

    [Benchmark]
    public int OneUser() => TopK.Recommend(_users.AsSpan(0, Factors), _items, _exclude, _indices.AsSpan(0, 10), _scores.AsSpan(0, 10));

    [Benchmark(OperationsPerInvoke = Users)]
    public int Batch() => TopK.RecommendBatch(_users, _items, Factors, 10, default, default, _indices, _scores);
}
