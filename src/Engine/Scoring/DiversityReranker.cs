using System.Buffers;
using AIaaS.Engine.Evaluation;

namespace AIaaS.Engine.Scoring;

/// <summary>
/// Maximal marginal relevance: picks from a ranked candidate list, one at a time, the candidate with the best
/// (1 − λ) · relevance − λ · (highest cosine similarity to an item already picked), relevance being the candidate's
/// score min-max scaled over the candidates. λ = 0 keeps the ranked order; λ = 1 picks the best candidate first and
/// then the least similar ones. Similarity is the cosine of the items' factor rows.
/// </summary>
public static class DiversityReranker
{
    /// <summary>
    /// How many of the best-ranked items MMR reorders, whatever the page: a fixed pool keeps pages consistent (a
    /// deeper page never reorders what an earlier one showed), and ranks past it keep the model's order.
    /// </summary>
    public const int Candidates = 50;

    /// <summary>
    /// Writes up to output.Length of the candidates in MMR order and returns how many were written.
    /// </summary>
    /// <param name="candidates">Dense item indices, ranked best first.</param>
    /// <param name="scores">The candidates' scores, in the same order.</param>
    /// <param name="itemFactors">Item factors, row-major [items × factors], for the similarities.</param>
    /// <param name="factors">Width of a factor row.</param>
    /// <param name="lambda">Weight of diversity in [0, 1].</param>
    /// <param name="output">Receives the chosen items, in the order chosen.</param>
    /// <param name="outputScores">Receives the chosen items' original scores.</param>
    public static int Rerank(ReadOnlySpan<int> candidates, ReadOnlySpan<float> scores, ReadOnlySpan<float> itemFactors,
        int factors, float lambda, Span<int> output, Span<float> outputScores)
    {
        if (scores.Length < candidates.Length) ThrowHelper.LengthMismatch(nameof(scores), candidates.Length, scores.Length);
        if (outputScores.Length < output.Length) ThrowHelper.LengthMismatch(nameof(outputScores), output.Length, outputScores.Length);
        if (!(lambda is >= 0f and <= 1f)) ThrowHelper.OutOfRange(nameof(lambda), "The diversity weight must lie in [0, 1].");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factors);
        int n = candidates.Length, want = Math.Min(output.Length, n);
        var pool = ArrayPool<double>.Shared.Rent(n * 2);
        try
        {
            var relevance = pool.AsSpan(0, n);
            var closest = pool.AsSpan(n, n);
            Scale(scores[..n], relevance);
            closest.Fill(double.NegativeInfinity);
            for (int slot = 0; slot < want; slot++)
            {
                int best = Best(relevance, closest, lambda, slot == 0);
                output[slot] = candidates[best];
                outputScores[slot] = scores[best];
                relevance[best] = double.NaN;
                var picked = itemFactors.Slice(candidates[best] * factors, factors);
                for (int c = 0; c < n; c++)
                {
                    if (double.IsNaN(relevance[c])) continue;
                    closest[c] = Math.Max(closest[c], BeyondAccuracyMetrics.Cosine(picked, itemFactors.Slice(candidates[c] * factors, factors)));
                }
            }
            return want;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(pool);
        }
    }

    // The first pick has nothing to be similar to; ties go to the better-ranked candidate, so λ = 0 keeps the order.
    private static int Best(ReadOnlySpan<double> relevance, ReadOnlySpan<double> closest, float lambda, bool first)
    {
        int best = -1;
        double bestValue = double.NegativeInfinity;
        for (int c = 0; c < relevance.Length; c++)
        {
            if (double.IsNaN(relevance[c])) continue;
            double value = (1 - lambda) * relevance[c] - (first ? 0 : lambda * closest[c]);
            if (best < 0 || value > bestValue)
            {
                best = c;
                bestValue = value;
            }
        }
        return best;
    }

    private static void Scale(ReadOnlySpan<float> scores, Span<double> relevance)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            min = Math.Min(min, s);
            max = Math.Max(max, s);
        }
        double range = max - min;
        for (int i = 0; i < scores.Length; i++) relevance[i] = range > 0 ? (scores[i] - min) / range : 1.0;
    }
}
