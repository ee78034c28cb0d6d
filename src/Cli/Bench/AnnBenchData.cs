using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using AIaaS.Engine.Data;
using AIaaS.Engine.Factorization;
using AIaaS.Engine.Models;

namespace AIaaS.Cli.Bench;

/// <summary>
/// The factors `bench ann` measures on: an ALS model trained on a generated log (power-law popularity, planted
/// clusters), and a sample of its trained users' rows as queries. With a cache folder the log, the model and the
/// sample are kept there and reused by the next run of the same size; without one they live in a temporary folder.
/// </summary>
internal sealed record AnnBenchData(ModelSnapshot Model, float[] Users, int UserCount, double GenerateSeconds, double TrainSeconds, bool FromCache)
{
    public static AnnBenchData Prepare(AnnBenchSize size, string? cache, TextWriter progress)
    {
        var folder = cache ?? Directory.CreateTempSubdirectory("aiaas-bench-ann-").FullName;
        try
        {
            Directory.CreateDirectory(folder);
            string stem = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"model-{size.Items}x{size.Factors}-{size.Events}-{size.Iterations}"));
            if (File.Exists(stem + ".model") && File.Exists(stem + ".users"))
            {
                using var input = File.OpenRead(stem + ".model");
                var cached = ModelSnapshotCodec.Read(input);
                var sample = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(stem + ".users")).ToArray();
                return new AnnBenchData(cached, sample, cached.UserCount, 0, 0, FromCache: true);
            }

            var clock = Stopwatch.StartNew();
            string log = Path.Combine(folder, "u.data");
            if (!File.Exists(log))
            {
                progress.WriteLine($"generating {size.Events:N0} events over {size.Users:N0} users and {size.Items:N0} items in {folder}");
                SyntheticLogGenerator.Write(folder, new SyntheticLogOptions
                {
                    Users = size.Users, Items = size.Items, Events = size.Events, Seed = 42, Clusters = Math.Min(16, Math.Min(size.Users, size.Items)),
                });
            }

            double generated = clock.Elapsed.TotalSeconds;
            progress.WriteLine($"training ALS (k = {size.Factors}, {size.Iterations} iterations) on {log}");
            clock.Restart();
            var ratings = DenseRatings.From(MovieLens.Load(folder));
            var options = new AlsOptions { Factors = size.Factors, Iterations = size.Iterations };
            var als = new AlsTrainer(options).Fit(ratings.ToMatrix());
            double trained = clock.Elapsed.TotalSeconds;
            var ids = new string[als.ItemCount];
            for (int i = 0; i < ids.Length; i++) ids[i] = ratings.Items.RawId(i).ToString(CultureInfo.InvariantCulture);
            int k = size.Factors;
            var model = new ModelSnapshot(1, DateTimeOffset.UtcNow, options, ids, als.ItemFactors, new float[k * k], new float[k * k], als.UserCount, [],
                new Dictionary<string, double> { ["trainSeconds"] = trained });
            var users = Sample(als, size.SampleUsers);
            if (cache is not null)
            {
                using (var output = File.Create(stem + ".model")) ModelSnapshotCodec.Write(model, output);
                File.WriteAllBytes(stem + ".users", MemoryMarshal.AsBytes(users.AsSpan()).ToArray());
            }

            return new AnnBenchData(model, users, als.UserCount, generated, trained, FromCache: false);
        }
        finally
        {
            if (cache is null) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Distinct trained users drawn with a fixed seed: the queries are real users' rows, not random vectors.</summary>
    private static float[] Sample(AlsModel als, int count)
    {
        int k = als.Factors, n = Math.Min(count, als.UserCount);
        var chosen = new HashSet<int>();
        var random = new Random(42);
        while (chosen.Count < n) chosen.Add(random.Next(als.UserCount));
        var users = new float[n * k];
        int row = 0;
        foreach (var user in chosen.Order()) als.UserVector(user).CopyTo(users.AsSpan(row++ * k, k));
        return users;
    }
}

/// <summary>The generated log and the training of `bench ann`.</summary>
internal sealed record AnnBenchSize(int Items, int Factors, int Users, long Events, int Iterations, int SampleUsers);
