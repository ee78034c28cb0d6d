using AIaaS.Engine.Factorization;
using AIaaS.Engine.Models;
using AIaaS.Engine.Retrieval;

namespace AIaaS.Grains.Models;

/// <summary>
/// A snapshot made ready to serve: the id index, the user fold-in, the item norms for reasons, its HNSW item index
/// when it is served by approximate retrieval (built before it is published, so model and index swap together) and,
/// until the inference service takes it, the ONNX scoring graph that was stored with it.
/// </summary>
public sealed class LoadedModel
{
    private readonly Dictionary<string, int> _index;
    private readonly float[] _inverseNorms;
    private byte[]? _scoringGraph;

    /// <param name="snapshot">The trained model.</param>
    /// <param name="scoringGraph">Its scoring graph exported at training (checked with <see cref="AIaaS.Engine.Onnx.OnnxScoringGraph.IsGraphOf"/>), or null.</param>
    /// <param name="itemIndex">Its item index for approximate retrieval, or null; it must be of this version.</param>
    public LoadedModel(ModelSnapshot snapshot, byte[]? scoringGraph = null, ItemIndex? itemIndex = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (itemIndex is not null && itemIndex.ModelVersion != snapshot.Version)
        {
            throw new ArgumentException($"The item index is of model {itemIndex.ModelVersion}, not {snapshot.Version}.", nameof(itemIndex));
        }

        Snapshot = snapshot;
        ItemIndex = itemIndex;
        _scoringGraph = scoringGraph;
        _index = new Dictionary<string, int>(snapshot.ItemCount, StringComparer.Ordinal);
        for (var i = 0; i < snapshot.ItemIds.Length; i++)
        {
            _index[snapshot.ItemIds[i]] = i;
        }

        UserFoldIn = new AlsFoldIn(snapshot.ItemFactors, snapshot.ItemGramian, snapshot.Options);
        _inverseNorms = InverseNorms(snapshot.ItemFactors, snapshot.Factors);
    }

    public ModelSnapshot Snapshot { get; }

    public long Version => Snapshot.Version;

    /// <summary>The HNSW index over the item factors when this model is served by approximate retrieval; null for exact scoring.</summary>
    public ItemIndex? ItemIndex { get; }

    public AlsFoldIn UserFoldIn { get; }

    /// <summary>
    /// Hands the stored scoring graph over once (a session copies what it needs, so the bytes are not kept
    /// beside it); null when there was none or it was already taken.
    /// </summary>
    public byte[]? TakeScoringGraph() => Interlocked.Exchange(ref _scoringGraph, null);

    /// <summary>Dense index of an item, or -1 when the model does not know it.</summary>
    public int IndexOf(string itemId) => _index.TryGetValue(itemId, out var index) ? index : -1;

    /// <summary>Cosine similarity of two known items, from the factors and their norms (no normalized copy of the matrix).</summary>
    public float Similarity(int a, int b)
    {
        var k = Snapshot.Factors;
        var factors = Snapshot.ItemFactors;
        return System.Numerics.Tensors.TensorPrimitives.Dot(factors.AsSpan(a * k, k), factors.AsSpan(b * k, k)) * _inverseNorms[a] * _inverseNorms[b];
    }

    /// <summary>Cosine similarity of a vector (of norm <paramref name="inverseNorm"/>⁻¹) and a known item.</summary>
    public float Similarity(ReadOnlySpan<float> vector, float inverseNorm, int item)
    {
        var k = Snapshot.Factors;
        return System.Numerics.Tensors.TensorPrimitives.Dot(Snapshot.ItemFactors.AsSpan(item * k, k), vector) * inverseNorm * _inverseNorms[item];
    }

    private static float[] InverseNorms(float[] factors, int k)
    {
        var inverse = new float[factors.Length / k];
        for (var row = 0; row < inverse.Length; row++)
        {
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(factors.AsSpan(row * k, k));
            inverse[row] = norm > 0 ? 1 / norm : 0;
        }

        return inverse;
    }
}
