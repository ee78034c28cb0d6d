using System.Buffers;
using System.Numerics.Tensors;

namespace AIaaS.Engine.Scoring;

/// <summary>
/// Top-k retrieval by inner product against a row-major item matrix [items × k]: SIMD dot products into a pooled
/// score buffer one tile of items at a time, exclusions masked, then partial selection with a bounded min-heap (no full sort).
/// </summary>
public static class TopK
{
    /// <summary>Items scored per tile: 16 KB of scores, so a call never holds a catalog-sized buffer.</summary>
    internal const int TileItems = 4096;

    /// <summary>
    /// Writes the best <paramref name="topIndices"/>.Length items for <paramref name="user"/>, best first, skipping
    /// <paramref name="exclude"/>, and returns how many were written (fewer when the catalog runs out).
    /// </summary>
    /// <param name="user">The user's factor row (length k).</param>
    /// <param name="itemFactors">Item factors, row-major [items × k].</param>
    /// <param name="exclude">Dense item indices never to return (seen items); any order, duplicates allowed.</param>
    /// <param name="topIndices">Receives item indices; its length is the number asked for.</param>
    /// <param name="topScores">Receives the scores; at least as long as <paramref name="topIndices"/>.</param>
    public static int Recommend(ReadOnlySpan<float> user, ReadOnlySpan<float> itemFactors, ReadOnlySpan<int> exclude,
        Span<int> topIndices, Span<float> topScores)
    {
        Validate(user.Length, itemFactors.Length, topIndices.Length, topScores.Length);
        var buffer = ArrayPool<float>.Shared.Rent(TileItems);
        try
        {
            return SelectTiled(user, itemFactors, exclude, buffer, topIndices, topScores);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Top-k for a batch of users [users × k]; results go to row u of <paramref name="topIndices"/> and
    /// <paramref name="topScores"/> ([users × count], best first). <paramref name="excludeOffsets"/> (users + 1 entries)
    /// delimits each user's slice of <paramref name="exclude"/>, CSR style; pass an empty span for no exclusions.
    /// Returns the total number of results written; a row with fewer fills its tail with index -1.
    /// </summary>
    public static int RecommendBatch(ReadOnlySpan<float> users, ReadOnlySpan<float> itemFactors, int factors, int count,
        ReadOnlySpan<int> exclude, ReadOnlySpan<int> excludeOffsets, Span<int> topIndices, Span<float> topScores)
    {
        if (factors < 1 || users.Length % factors != 0) ThrowHelper.Argument($"users has length {users.Length}, not a multiple of factors = {factors}.", nameof(users));
        int userCount = users.Length / factors;
        if (topIndices.Length < userCount * count) ThrowHelper.LengthMismatch(nameof(topIndices), userCount * count, topIndices.Length);
        if (topScores.Length < userCount * count) ThrowHelper.LengthMismatch(nameof(topScores), userCount * count, topScores.Length);
        if (!excludeOffsets.IsEmpty && excludeOffsets.Length != userCount + 1) ThrowHelper.LengthMismatch(nameof(excludeOffsets), userCount + 1, excludeOffsets.Length);
        Validate(factors, itemFactors.Length, count, count);
        var buffer = ArrayPool<float>.Shared.Rent(TileItems);
        int total = 0;
        try
        {
            for (int u = 0; u < userCount; u++)
            {
                var excluded = excludeOffsets.IsEmpty ? default : exclude[excludeOffsets[u]..excludeOffsets[u + 1]];
                var rowIndices = topIndices.Slice(u * count, count);
                int written = SelectTiled(users.Slice(u * factors, factors), itemFactors, excluded, buffer, rowIndices, topScores.Slice(u * count, count));
                rowIndices[written..].Fill(-1);
                total += written;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
        return total;
    }

    /// <summary>
    /// The best <paramref name="topIndices"/>.Length items among those <paramref name="allowed"/> admits, best first,
    /// skipping <paramref name="exclude"/>; returns how many were written. Only allowed items are scored, so a narrow
    /// mask costs less than the whole catalog and a wide one no more; the result is full whenever the mask leaves enough.
    /// </summary>
    public static int RecommendAllowed(ReadOnlySpan<float> user, ReadOnlySpan<float> itemFactors, ItemMask allowed,
        ReadOnlySpan<int> exclude, Span<int> topIndices, Span<float> topScores)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        int items = Validate(user.Length, itemFactors.Length, topIndices.Length, topScores.Length);
        if (allowed.Items != items) ThrowHelper.Argument($"The mask spans {allowed.Items} items, the model {items}.", nameof(allowed));
        int k = user.Length, words = (items + 63) >> 6;
        var buffer = ArrayPool<ulong>.Shared.Rent(Math.Max(words, 1));
        try
        {
            var bits = buffer.AsSpan(0, words);
            allowed.Bits.CopyTo(bits);
            foreach (var item in exclude)
            {
                if ((uint)item < (uint)items) bits[item >> 6] &= ~(1UL << item);
            }

            var heap = new TopKHeap(topIndices, topScores[..topIndices.Length]);
            for (int w = 0; w < words; w++)
            {
                for (ulong word = bits[w]; word != 0; word &= word - 1)
                {
                    int i = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                    heap.Offer(i, TensorPrimitives.Dot(itemFactors.Slice(i * k, k), user));
                }
            }
            return heap.SortDescending();
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Scores the catalog a tile of <see cref="TileItems"/> at a time into <paramref name="buffer"/> and keeps the best
    /// in a bounded heap, so memory per call is one tile however large the catalog; excluded items never enter.
    /// </summary>
    private static int SelectTiled(ReadOnlySpan<float> user, ReadOnlySpan<float> itemFactors, ReadOnlySpan<int> exclude,
        float[] buffer, Span<int> topIndices, Span<float> topScores)
    {
        int k = user.Length, items = itemFactors.Length / k;
        var heap = new TopKHeap(topIndices, topScores[..topIndices.Length]);
        float threshold = float.NegativeInfinity;
        for (int start = 0; start < items; start += TileItems)
        {
            int length = Math.Min(TileItems, items - start);
            var scores = buffer.AsSpan(0, length);
            for (int i = 0; i < length; i++) scores[i] = TensorPrimitives.Dot(itemFactors.Slice((start + i) * k, k), user);
            foreach (var item in exclude)
            {
                if ((uint)(item - start) < (uint)length) scores[item - start] = float.NegativeInfinity;
            }

            for (int i = 0; i < length; i++)
            {
                float score = scores[i];
                if (score > threshold || (score == threshold && score != float.NegativeInfinity))
                {
                    heap.Offer(start + i, score);
                    threshold = heap.Threshold;
                }
            }
        }
        return heap.SortDescending();
    }

    private static int Validate(int factors, int itemLength, int count, int scoreLength)
    {
        if (factors < 1) ThrowHelper.Argument("user must have at least one factor.", "user");
        if (itemLength % factors != 0) ThrowHelper.Argument($"itemFactors has length {itemLength}, not a multiple of k = {factors}.", "itemFactors");
        if (scoreLength < count) ThrowHelper.LengthMismatch("topScores", count, scoreLength);
        return itemLength / factors;
    }
}
