using AIaaS.Engine.Data;

namespace AIaaS.Engine.Factorization;

/// <summary>
/// The popularity floor: every user gets the items with the most training interactions. Expressed as a one-factor
/// model (user vectors 1, item vectors = counts) so the same top-k and evaluation code scores it.
/// </summary>
public static class PopularityModel
{
    /// <summary>Interaction count of each item (column) of <paramref name="train"/>.</summary>
    public static float[] ItemCounts(RatingMatrix train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var counts = new float[train.Columns];
        foreach (var item in train.ColumnIndices) counts[item]++;
        return counts;
    }
}
