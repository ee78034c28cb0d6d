using AIaaS.Engine.Models;
using AIaaS.Engine.Scoring;

namespace AIaaS.Engine.Inference;

/// <summary>Engine's SIMD <see cref="TopK"/> behind the batch interface: no session, nothing to warm up.</summary>
public sealed class ManagedBatchScorer(ModelSnapshot model) : IBatchScorer
{
    /// <inheritdoc />
    public ModelSnapshot Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    /// <inheritdoc />
    public void Score(float[] users, int rows, int count, ReadOnlySpan<int> exclude, ReadOnlySpan<int> excludeOffsets,
        Span<int> topIndices, Span<float> topScores) =>
        TopK.RecommendBatch(users.AsSpan(0, rows * Model.Factors), Model.ItemFactors, Model.Factors, count, exclude, excludeOffsets,
            topIndices[..(rows * count)], topScores[..(rows * count)]);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
