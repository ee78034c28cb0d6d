namespace AIaaS.Engine.Data;

/// <summary>
/// The `last` protocol, closer to streaming than a random split: for each user the latest events by timestamp are
/// test and the earlier ones train, so the model predicts what a user does next from what came before.
/// </summary>
public static class LastEventsSplit
{
    /// <summary>Share of each user's events, the latest ones, held out as test.</summary>
    public const double TestFraction = 0.2;

    /// <summary>
    /// Orders each user's events by timestamp, equal timestamps in file order, and puts the last
    /// round(20% × n) (half away from zero) in test. Users with fewer than
    /// <see cref="EvaluationSplits.MinimumRatingsToSplit"/> events stay wholly in train.
    /// </summary>
    /// <param name="data">The ratings.</param>
    /// <param name="timestamps">Each rating's timestamp, in file order (<see cref="RatingDataset.Timestamps"/>).</param>
    public static DatasetSplit Split(DenseRatings data, ReadOnlySpan<long> timestamps)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (timestamps.Length != data.Count) ThrowHelper.LengthMismatch(nameof(timestamps), data.Count, timestamps.Length);
        var records = new int[data.Count];
        for (int i = 0; i < records.Length; i++) records[i] = i;
        var byUser = RatingMatrix.FromCoordinates(data.Users.Count, data.Count, data.UserIndex, records, new float[data.Count]);
        var train = new List<int>(data.Count);
        var test = new List<int>(data.Count / 5 + 1);
        var times = timestamps.ToArray();
        for (int u = 0; u < byUser.Rows; u++)
        {
            // FromCoordinates keeps file order within a row, and a stable sort keeps it among equal timestamps.
            var ordered = byUser.RowIndices(u).ToArray().OrderBy(r => times[r]).ToArray();
            int n = ordered.Length;
            int testCount = n < EvaluationSplits.MinimumRatingsToSplit ? 0 : (int)Math.Round(n * TestFraction, MidpointRounding.AwayFromZero);
            train.AddRange(ordered[..(n - testCount)]);
            test.AddRange(ordered[(n - testCount)..]);
        }
        return new DatasetSplit([.. train], [.. test]);
    }
}
