namespace AIaaS.Engine.Scoring;

/// <summary>Item-to-item similarity by cosine over item factors; rows are normalized once at construction.</summary>
public sealed class SimilarItems
{
    private readonly float[] _normalized;

    /// <summary>Creates the index over row-major <paramref name="itemFactors"/> [items × <paramref name="factors"/>].</summary>
    public SimilarItems(ReadOnlySpan<float> itemFactors, int factors)
    {
        if (factors < 1) ThrowHelper.OutOfRange(nameof(factors), "factors must be at least 1.");
        if (itemFactors.Length % factors != 0) ThrowHelper.Argument($"itemFactors has length {itemFactors.Length}, not a multiple of factors = {factors}.", nameof(itemFactors));
        Factors = factors;
        _normalized = itemFactors.ToArray();
        for (int i = 0; i < _normalized.Length; i += factors)
        {
            var row = _normalized.AsSpan(i, factors);
            float norm = System.Numerics.Tensors.TensorPrimitives.Norm(row);
            if (norm > 0f) System.Numerics.Tensors.TensorPrimitives.Divide(row, norm, row);
        }
    }

    /// <summary>Latent dimension k.</summary>
    public int Factors { get; }

    /// <summary>Number of items.</summary>
    public int ItemCount => _normalized.Length / Factors;

    /// <summary>Writes the items most similar to <paramref name="item"/> (itself excluded), best first; returns how many.</summary>
    public int Find(int item, Span<int> topIndices, Span<float> topScores)
    {
        if ((uint)item >= (uint)ItemCount) ThrowHelper.OutOfRange(nameof(item), $"item {item} is outside 0..{ItemCount - 1}.");
        ReadOnlySpan<int> self = [item];
        return TopK.Recommend(_normalized.AsSpan(item * Factors, Factors), _normalized, self, topIndices, topScores);
    }
}
