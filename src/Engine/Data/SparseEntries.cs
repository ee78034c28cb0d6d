namespace AIaaS.Engine.Data;

/// <summary>Index/value entries of one sparse row, as a user's history or a matrix row collects them.</summary>
public static class SparseEntries
{
    /// <summary>
    /// Sorts the entries by index, sums the values of repeated indices and drops entries whose total is not
    /// positive; the kept entries end up at the front, in index order. Returns how many were kept.
    /// </summary>
    public static int SumRepeats(Span<int> indices, Span<float> values)
    {
        if (values.Length != indices.Length) ThrowHelper.LengthMismatch(nameof(values), indices.Length, values.Length);
        indices.Sort(values);
        int kept = 0;
        for (int i = 0; i < indices.Length;)
        {
            int index = indices[i];
            float total = 0;
            for (; i < indices.Length && indices[i] == index; i++) total += values[i];
            if (total > 0)
            {
                indices[kept] = index;
                values[kept++] = total;
            }
        }

        return kept;
    }
}
