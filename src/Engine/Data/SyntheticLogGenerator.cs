
namespace AIaaS.Engine.Data;

/// <summary>
/// Writes a synthetic MovieLens <c>u.data</c> log: Zipf item popularity and user activity, users and items drawn into
/// a few latent taste clusters (a user mostly picks items of its cluster and rates them higher), ratings 1–5 and
/// non-decreasing timestamps. Deterministic for a given <see cref="SyntheticLogOptions"/>.
/// </summary>
public static class SyntheticLogGenerator
{
    private const int BufferSize = 1 << 20;
    private const long YearSeconds = 365L * 24 * 3600;

    /// <summary>Writes <c>u.data</c> into <paramref name="directory"/> (created if missing) and returns its path.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public static string Write(string directory, SyntheticLogOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "u.data");
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        Write(stream, options);
        return path;
    }

    /// <summary>Writes the log to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, SyntheticLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = new SplitMix64((ulong)(uint)options.Seed * 0x9E3779B97F4A7C15UL + 1);
        var userCluster = Assign(options.Users, options.Clusters, ref random);
        var itemCluster = Assign(options.Items, options.Clusters, ref random);
        var itemQuality = new float[options.Items];
        for (int i = 0; i < itemQuality.Length; i++) itemQuality[i] = (float)(random.NextGaussian() * 0.5);
        var users = new ZipfSampler(Shuffled(options.Users, ref random), options.ActivityExponent);
        var catalog = Shuffled(options.Items, ref random);
        var everything = new ZipfSampler(catalog, options.PopularityExponent);
        var byCluster = ClusterSamplers(catalog, itemCluster, options);

        var buffer = new byte[BufferSize];
        int used = 0;
        for (long e = 0; e < options.Events; e++)
        {
            int user = users.Sample(ref random);
            bool own = random.NextDouble() < options.ClusterAffinity;
            int item = own ? byCluster[userCluster[user]].Sample(ref random) : everything.Sample(ref random);
            bool match = userCluster[user] == itemCluster[item];
            double score = 3.0 + (match ? 1.0 : -0.6) + itemQuality[item] + random.NextGaussian() * 0.6;
            int rating = Math.Clamp((int)Math.Round(score), 1, 5);
            long timestamp = options.StartTime + (options.Events == 0 ? 0 : e * YearSeconds / options.Events);
            if (used > BufferSize - 64)
            {
                stream.Write(buffer, 0, used);
                used = 0;
            }
            used += FormatLine(buffer.AsSpan(used), user + 1, item + 1, rating, timestamp);
        }
        stream.Write(buffer, 0, used);
    }

    private static int FormatLine(Span<byte> target, int user, int item, int rating, long timestamp)
    {
        int at = 0;
        user.TryFormat(target, out int written);
        at += written;
        target[at++] = (byte)'\t';
        item.TryFormat(target[at..], out written);
        at += written;
        target[at++] = (byte)'\t';
        target[at++] = (byte)('0' + rating);
        target[at++] = (byte)'\t';
        timestamp.TryFormat(target[at..], out written);
        at += written;
        target[at++] = (byte)'\n';
        return at;
    }

    private static int[] Assign(int count, int clusters, ref SplitMix64 random)
    {
        var cluster = new int[count];
        for (int i = 0; i < count; i++) cluster[i] = i < clusters ? i : random.NextInt(clusters);
        return cluster;
    }

    private static int[] Shuffled(int count, ref SplitMix64 random)
    {
        var values = new int[count];
        for (int i = 0; i < count; i++) values[i] = i;
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
        return values;
    }

    /// <summary>One sampler per cluster over its items, keeping the global popularity order within the cluster.</summary>
    private static ZipfSampler[] ClusterSamplers(int[] catalog, int[] itemCluster, SyntheticLogOptions options)
    {
        var members = new List<int>[options.Clusters];
        for (int c = 0; c < members.Length; c++) members[c] = [];
        foreach (var item in catalog) members[itemCluster[item]].Add(item);
        var samplers = new ZipfSampler[options.Clusters];
        for (int c = 0; c < samplers.Length; c++) samplers[c] = new ZipfSampler([.. members[c]], options.PopularityExponent);
        return samplers;
    }

}
