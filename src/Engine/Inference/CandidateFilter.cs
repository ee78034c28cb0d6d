using System.Buffers;
using AIaaS.Engine.Models;
using AIaaS.Engine.Scoring;

namespace AIaaS.Engine.Inference;

/// <summary>Turns a row's best candidates into its answer: exclusions dropped, order kept, the tail marked with -1.</summary>
internal static class CandidateFilter
{
    /// <summary>The longest exclusion slice of a CSR offsets span.</summary>
    public static int MaxExclusions(ReadOnlySpan<int> offsets)
    {
        int max = 0;
        for (int r = 1; r < offsets.Length; r++) max = Math.Max(max, offsets[r] - offsets[r - 1]);
        return max;
    }

    /// <summary>Copies the candidates that are not excluded, in order, and fills the rest of the row with -1; returns how many were copied.</summary>
    public static int Filter(ReadOnlySpan<long> candidates, ReadOnlySpan<float> scores, ReadOnlySpan<int> exclude,
        Span<int> topIndices, Span<float> topScores)
    {
        var sorted = ArrayPool<int>.Shared.Rent(Math.Max(1, exclude.Length));
        try
        {
            exclude.CopyTo(sorted);
            var excluded = sorted.AsSpan(0, exclude.Length);
            excluded.Sort();
            int written = 0;
            for (int i = 0; i < candidates.Length && written < topIndices.Length; i++)
            {
                int item = (int)candidates[i];
                if (item < 0 || excluded.BinarySearch(item) >= 0) continue;
                topIndices[written] = item;
                topScores[written++] = scores[i];
            }

            topIndices[written..].Fill(-1);
            return written;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sorted);
        }
    }

    /// <summary>
    /// Writes each row's answer from its <paramref name="width"/> best candidates ([rows × width], best first). A row that
    /// its exclusions left short while the catalog has more items is scored alone against every item, so one heavy user
    /// never widens every row of the batch.
    /// </summary>
    public static void CompleteRows(ModelSnapshot model, ReadOnlySpan<float> users, int rows, int count, ReadOnlySpan<long> candidates,
        ReadOnlySpan<float> candidateScores, int width, ReadOnlySpan<int> exclude, ReadOnlySpan<int> excludeOffsets,
        Span<int> topIndices, Span<float> topScores)
    {
        int k = model.Factors;
        for (int r = 0; r < rows; r++)
        {
            var excluded = excludeOffsets.IsEmpty ? default : exclude[excludeOffsets[r]..excludeOffsets[r + 1]];
            var rowIndices = topIndices.Slice(r * count, count);
            var rowScores = topScores.Slice(r * count, count);
            int written = Filter(candidates.Slice(r * width, width), candidateScores.Slice(r * width, width), excluded, rowIndices, rowScores);
            if (written < count && width < model.ItemCount)
            {
                int found = TopK.Recommend(users.Slice(r * k, k), model.ItemFactors, excluded, rowIndices, rowScores);
                rowIndices[found..].Fill(-1);
            }
        }
    }
}
