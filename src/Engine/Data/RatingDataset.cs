namespace AIaaS.Engine.Data;

/// <summary>
/// Ratings as read from a file: raw ids as the file wrote them, in file order (parallel arrays).
/// </summary>
public sealed class RatingDataset
{
    /// <summary>Creates a dataset over parallel arrays of equal length.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public RatingDataset(int[] userIds, int[] itemIds, float[] ratings, long[] timestamps, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentNullException.ThrowIfNull(sourcePath);
        if (itemIds.Length != userIds.Length) ThrowHelper.LengthMismatch(nameof(itemIds), userIds.Length, itemIds.Length);
        if (ratings.Length != userIds.Length) ThrowHelper.LengthMismatch(nameof(ratings), userIds.Length, ratings.Length);
        if (timestamps.Length != userIds.Length) ThrowHelper.LengthMismatch(nameof(timestamps), userIds.Length, timestamps.Length);
        UserIds = userIds;
        ItemIds = itemIds;
        Ratings = ratings;
        Timestamps = timestamps;
        SourcePath = sourcePath;
    }

    /// <summary>Number of ratings.</summary>
    public int Count => UserIds.Length;

    /// <summary>Raw user id of each rating.</summary>
    public int[] UserIds { get; }

    /// <summary>Raw item id of each rating.</summary>
    public int[] ItemIds { get; }

    /// <summary>Rating value of each rating.</summary>
    public float[] Ratings { get; }

    /// <summary>Unix time in seconds of each rating.</summary>
    public long[] Timestamps { get; }

    /// <summary>The file the ratings were read from.</summary>
    public string SourcePath { get; }
}
