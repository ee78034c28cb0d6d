using System.Globalization;
using System.Text;

namespace AIaaS.Engine.Data;

/// <summary>The splits of DESIGN.md's evaluation protocols.</summary>
public static class EvaluationSplits
{
    /// <summary>Share of the items that are cold under the cold-items protocol.</summary>
    public const double ColdItemFraction = 0.1;

    // Mixed hashes below this are cold: 10% of the 64-bit range.
    private const ulong ColdThreshold = ulong.MaxValue / 10;

    /// <summary>Users with fewer ratings than this stay wholly in train under the ranking protocol.</summary>
    public const int MinimumRatingsToSplit = 4;

    /// <summary>Share of each user's ratings kept in train under the ranking protocol.</summary>
    public const double RankingTrainFraction = 0.75;

    /// <summary>
    /// Ranking protocol: each user's ratings are shuffled with a generator seeded by
    /// (<paramref name="seed"/>, raw user id); the first round(75%) go to train, the rest to test.
    /// Users with fewer than 4 ratings stay wholly in train.
    /// </summary>
    public static DatasetSplit Ranking(DenseRatings data, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var train = new List<int>(data.Count);
        var test = new List<int>(data.Count / 4 + 1);
        foreach (var shuffled in ShuffledByUser(data, seed))
        {
            if (shuffled.Length < MinimumRatingsToSplit)
            {
                train.AddRange(shuffled);
                continue;
            }
            int trainCount = (int)Math.Round(shuffled.Length * RankingTrainFraction, MidpointRounding.AwayFromZero);
            train.AddRange(shuffled[..trainCount]);
            test.AddRange(shuffled[trainCount..]);
        }
        return new DatasetSplit([.. train], [.. test]);
    }

    /// <summary>
    /// Each user's record indices (file order), shuffled by a Fisher–Yates pass with a generator seeded by
    /// (<paramref name="seed"/>, raw user id): the order the ranking protocol and its folds cut.
    /// </summary>
    internal static int[][] ShuffledByUser(DenseRatings data, int seed)
    {
        var byUser = RatingMatrix.FromCoordinates(data.Users.Count, data.Count, data.UserIndex, RecordNumbers(data.Count), new float[data.Count]);
        var result = new int[byUser.Rows][];
        for (int u = 0; u < byUser.Rows; u++)
        {
            var shuffled = byUser.RowIndices(u).ToArray();
            var random = SplitMix64.ForKey(seed, data.Users.RawId(u));
            for (int i = shuffled.Length - 1; i > 0; i--)
            {
                int j = random.NextInt(i + 1);
                (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
            }
            result[u] = shuffled;
        }
        return result;
    }

    /// <summary>
    /// Rating protocol: the rating with 1-based ordinal n in the file (its line number for u.data and ratings.dat)
    /// is in test when (n × 2654435761) mod 2^32 &lt; 858993459 (20%), else in train.
    /// </summary>
    public static DatasetSplit Rating(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var train = new List<int>(count);
        var test = new List<int>(count / 5 + 1);
        for (int i = 0; i < count; i++)
        {
            if (IsRatingTest(i + 1)) test.Add(i);
            else train.Add(i);
        }
        return new DatasetSplit([.. train], [.. test]);
    }

    /// <summary>Whether the rating on 1-based line <paramref name="lineNumber"/> is a test rating under the rating protocol.</summary>
    public static bool IsRatingTest(long lineNumber) => unchecked((uint)lineNumber * 2654435761u) < 858993459u;

    /// <summary>
    /// Cold-items protocol: an item is cold when <see cref="IsColdItem"/> says so for its raw id; all ratings of cold
    /// items are test and none train.
    /// </summary>
    public static ColdItemSplit ColdItems(DenseRatings data, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var cold = new bool[data.Items.Count];
        var coldItems = new List<int>();
        for (int i = 0; i < cold.Length; i++)
        {
            cold[i] = IsColdItem(data.Items.RawId(i).ToString(CultureInfo.InvariantCulture), seed);
            if (cold[i]) coldItems.Add(i);
        }
        var train = new List<int>(data.Count);
        var test = new List<int>(data.Count / 8 + 1);
        for (int r = 0; r < data.Count; r++)
        {
            if (cold[data.ItemIndex[r]]) test.Add(r);
            else train.Add(r);
        }
        return new ColdItemSplit([.. train], [.. test], [.. coldItems]);
    }

    /// <summary>
    /// Whether the item is cold for <paramref name="seed"/>: the 64-bit FNV-1a hash of the id's UTF-8 bytes, xor the
    /// seed, through one SplitMix64 step, is below 10% of the range. Fixed by this code alone, so any tool can
    /// reproduce the split.
    /// </summary>
    public static bool IsColdItem(string itemId, int seed)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        ulong hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(itemId))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }
        return new SplitMix64(hash ^ (ulong)(long)seed).Next() < ColdThreshold;
    }

    private static int[] RecordNumbers(int count)
    {
        var numbers = new int[count];
        for (int i = 0; i < count; i++) numbers[i] = i;
        return numbers;
    }
}
