using AIaaS.Engine.Models;
using AIaaS.Engine.Scoring;

namespace AIaaS.Engine.Inference;

/// <summary>Top-k for a batch of user rows against one model version. Not thread-safe: one batch at a time.</summary>
public interface IBatchScorer : IDisposable
{
    /// <summary>The model version this scorer serves.</summary>
    ModelSnapshot Model { get; }

    /// <summary>
    /// Writes the best <paramref name="count"/> items of each of the <paramref name="rows"/> users in
    /// <paramref name="users"/> ([rows × k]) to row r of <paramref name="topIndices"/> and <paramref name="topScores"/>
    /// ([rows × count], best first, tails filled with index -1), skipping each row's CSR slice of <paramref name="exclude"/>.
    /// </summary>
    void Score(float[] users, int rows, int count, ReadOnlySpan<int> exclude, ReadOnlySpan<int> excludeOffsets,
        Span<int> topIndices, Span<float> topScores);

    /// <summary>
    /// Writes the best <paramref name="topIndices"/>.Length items among those <paramref name="allowed"/> admits (best first,
    /// skipping <paramref name="exclude"/>) and returns how many; full whenever the mask leaves enough. By default every
    /// allowed item is scored exactly (<see cref="TopK.RecommendAllowed"/>).
    /// </summary>
    int ScoreAllowed(ReadOnlySpan<float> user, ItemMask allowed, ReadOnlySpan<int> exclude, Span<int> topIndices, Span<float> topScores) =>
        TopK.RecommendAllowed(user, Model.ItemFactors, allowed, exclude, topIndices, topScores);
}
