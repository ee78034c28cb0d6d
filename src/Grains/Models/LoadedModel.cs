using AIaaS.Engine.Factorization;
using AIaaS.Engine.Models;

namespace AIaaS.Grains.Models;

/// <summary>A snapshot made ready to serve: the id index, the user fold-in and unit-length item vectors for reasons.</summary>
public sealed class LoadedModel
{
    private readonly Dictionary<string, int> _index;
    private readonly float[] _normalized;

    public LoadedModel(ModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        _index = new Dictionary<string, int>(snapshot.ItemCount, StringComparer.Ordinal);
        for (var i = 0; i < snapshot.ItemIds.Length; i++)
        {
            _index[snapshot.ItemIds[i]] = i;
        }

        UserFoldIn = new AlsFoldIn(snapshot.ItemFactors, snapshot.ItemGramian, snapshot.Options);
        _normalized = Normalize(snapshot.ItemFactors, snapshot.Factors);
    }

    public ModelSnapshot Snapshot { get; }

    public long Version => Snapshot.Version;

    public AlsFoldIn UserFoldIn { get; }

    /// <summary>Dense index of an item, or -1 when the model does not know it.</summary>
    public int IndexOf(string itemId) => _index.TryGetValue(itemId, out var index) ? index : -1;

    /// <summary>Cosine similarity of two known items.</summary>
    public float Similarity(int a, int b)
    {
        var k = Snapshot.Factors;
        return System.Numerics.Tensors.TensorPrimitives.Dot(_normalized.AsSpan(a * k, k), _normalized.AsSpan(b * k, k));
    }

    private static float[] Normalize(float[] factors, int k)
    {
        var normalized = new float[factors.Length];
        for (var row = 0; row < factors.Length / k; row++)
        {
            var source = factors.AsSpan(row * k, k);
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(source);
            if (norm > 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(source, norm, normalized.AsSpan(row * k, k));
            }
        }

        return normalized;
    }
}
