using AIaaS.Engine.Models;

namespace AIaaS.Engine.Inference;

/// <summary>Re-ranks a row's top candidates from the built-in scorer (a user-supplied ranking model).</summary>
public interface ICandidateReranker
{
    /// <summary>How many candidates the built-in scorer should hand over per row.</summary>
    int Candidates { get; }

    /// <summary>
    /// Reorders <paramref name="candidates"/> (dense indices of <paramref name="model"/>, valid ones first, -1 after)
    /// best first by the ranking model and writes its scores to <paramref name="scores"/>.
    /// </summary>
    void Rerank(ModelSnapshot model, ReadOnlySpan<float> user, Span<int> candidates, Span<float> scores);
}
