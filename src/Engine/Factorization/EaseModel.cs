namespace AIaaS.Engine.Factorization;

/// <summary>
/// A trained EASE model: item j's score for a user is the sum of row j's weights over the items in the user's history.
/// Seen as a factor model, the items' rows are their factors and a user's vector is the 0/1 indicator of the history,
/// so the dot-product scoring and the evaluation code serve it unchanged.
/// </summary>
public sealed class EaseModel
{
    /// <summary>Wraps weights of <paramref name="items"/> rows, each <paramref name="items"/> wide.</summary>
    public EaseModel(int items, float[] itemWeights)
    {
        ArgumentNullException.ThrowIfNull(itemWeights);
        if (itemWeights.Length != (long)items * items) ThrowHelper.LengthMismatch(nameof(itemWeights), items * items, itemWeights.Length);
        Items = items;
        ItemWeights = itemWeights;
    }

    /// <summary>Number of items; also the width of each row.</summary>
    public int Items { get; }

    /// <summary>Row-major items × items weights; row j is item j's weights over the history items, zero at j.</summary>
    public float[] ItemWeights { get; }

    /// <summary>Writes the 0/1 indicator of <paramref name="history"/> into <paramref name="vector"/> (<see cref="Items"/> wide); ids outside the catalog are ignored.</summary>
    public void UserVector(ReadOnlySpan<int> history, Span<float> vector)
    {
        if (vector.Length != Items) ThrowHelper.LengthMismatch(nameof(vector), Items, vector.Length);
        vector.Clear();
        foreach (var item in history)
        {
            if ((uint)item < (uint)Items) vector[item] = 1f;
        }
    }
}
