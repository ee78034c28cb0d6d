using System.Diagnostics;
using AIaaS.Engine.Data;
using AIaaS.Engine.Factorization;
using AIaaS.Engine.Scoring;

namespace AIaaS.Cli.Commands;

/// <summary>The measurements behind `aiaas bench engine`; each prints one line with the median of its runs.</summary>
internal sealed class EngineBenchmarks(int runs)
{
    private const int Factors = 64;

    public void MovieLens(string directory)
    {
        var dense = DenseRatings.From(Engine.Data.MovieLens.Load(directory));
        var all = dense.ToMatrix();
        var options = new AlsOptions { Factors = Factors, Iterations = 15 };
        Report("ALS train, ml-100k all 100k ratings, k=64, 15 iterations", Median(() => new AlsTrainer(options).Fit(all)), "s");
        var ratingTrain = dense.ToMatrix(EvaluationSplits.Rating(dense.Count).Train);
        Report("MF train, ml-100k rating-protocol train split, tuned defaults", Median(() => new MfTrainer(new MfOptions()).Fit(ratingTrain)), "s");
    }

    public void Kernels(int items)
    {
        var random = new Random(7);
        var itemFactors = RandomMatrix(random, items, Factors);
        FoldIn(itemFactors, items, random);
        TopKSingle(itemFactors, items, random);
        TopKBatch(itemFactors, items, random);
    }

    public static void GeneratedLog(int users, int items, long events)
    {
        var dir = Path.Combine(Path.GetTempPath(), "aiaas-bench-" + Environment.ProcessId);
        try
        {
            var clock = Stopwatch.StartNew();
            SyntheticLogGenerator.Write(dir, new SyntheticLogOptions { Users = users, Items = items, Events = events, Clusters = 16 });
            Report($"generate {events:N0} events", clock.Elapsed.TotalSeconds, "s");
            clock.Restart();
            var dense = DenseRatings.From(Engine.Data.MovieLens.Load(dir));
            Report($"read + map ids of {events:N0} events", clock.Elapsed.TotalSeconds, "s");
            var matrix = dense.ToMatrix();
            clock.Restart();
            new AlsTrainer(new AlsOptions { Factors = Factors, Iterations = 15 }).Fit(matrix);
            Report($"ALS train, generated {events:N0} events / {dense.Users.Count:N0} users / {dense.Items.Count:N0} items, k=64, 15 iterations", clock.Elapsed.TotalSeconds, "s");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    public static void PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        Report("peak working set", process.PeakWorkingSet64 / (1024.0 * 1024.0), "MiB");
    }

    private void FoldIn(float[] itemFactors, int items, Random random)
    {
        var foldIn = new AlsFoldIn(itemFactors, new AlsOptions { Factors = Factors });
        const int history = 200;
        var indices = new int[history];
        var values = new float[history];
        for (int i = 0; i < history; i++)
        {
            indices[i] = random.Next(items);
            values[i] = 1 + random.Next(5);
        }
        var vector = new float[Factors];
        const int calls = 2000;
        double seconds = Median(() =>
        {
            for (int c = 0; c < calls; c++) foldIn.Solve(indices, values, vector);
        });
        Report($"fold-in (CG warm start, k=64, {history}-event history), per event", seconds / calls * 1e6, "µs");
        var exact = new float[Factors];
        seconds = Median(() =>
        {
            for (int c = 0; c < calls / 10; c++) foldIn.SolveExact(indices, values, exact);
        });
        Report($"fold-in exact (Cholesky, k=64, {history}-event history), per event", seconds / (calls / 10) * 1e6, "µs");
    }

    private void TopKSingle(float[] itemFactors, int items, Random random)
    {
        const int users = 200;
        var userFactors = RandomMatrix(random, users, Factors);
        var indices = new int[10];
        var scores = new float[10];
        int[] exclude = [1, 5, 9, 100];
        double seconds = Median(() =>
        {
            for (int u = 0; u < users; u++) TopK.Recommend(userFactors.AsSpan(u * Factors, Factors), itemFactors, exclude, indices, scores);
        });
        Report($"top-10 for one user, {items:N0} items, k=64", seconds / users * 1e6, "µs");
    }

    private void TopKBatch(float[] itemFactors, int items, Random random)
    {
        const int users = 512, count = 10;
        var userFactors = RandomMatrix(random, users, Factors);
        var indices = new int[users * count];
        var scores = new float[users * count];
        double seconds = Median(() => TopK.RecommendBatch(userFactors, itemFactors, Factors, count, default, default, indices, scores));
        Report($"batched top-10, {users} users x {items:N0} items, k=64", users / seconds, "users/s");
        Report("batched top-10 scoring throughput", 2.0 * Factors * items * users / seconds / 1e9, "GFLOP/s");
    }

    private double Median(Action action)
    {
        action();
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    private static float[] RandomMatrix(Random random, int rows, int k)
    {
        var m = new float[rows * k];
        for (int i = 0; i < m.Length; i++) m[i] = (float)(random.NextDouble() - 0.5);
        return m;
    }

    private static void Report(string what, double value, string unit) =>
        Console.WriteLine($"{what,-100} {value,12:F3} {unit}");
}
