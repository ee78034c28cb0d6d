namespace AIaaS.Engine.Data;

/// <summary>A dataset with raw ids mapped to dense indices (users and items numbered in order of first appearance).</summary>
public sealed class DenseRatings
{
    private DenseRatings(IdMap users, IdMap items, int[] userIndex, int[] itemIndex, float[] ratings)
    {
        Users = users;
        Items = items;
        UserIndex = userIndex;
        ItemIndex = itemIndex;
        Ratings = ratings;
    }

    /// <summary>Raw user id ↔ dense user index.</summary>
    public IdMap Users { get; }

    /// <summary>Raw item id ↔ dense item index.</summary>
    public IdMap Items { get; }

    /// <summary>Dense user index of each rating, in file order.</summary>
    public int[] UserIndex { get; }

    /// <summary>Dense item index of each rating, in file order.</summary>
    public int[] ItemIndex { get; }

    /// <summary>Rating values, in file order.</summary>
    public float[] Ratings { get; }

    /// <summary>Number of ratings.</summary>
    public int Count => Ratings.Length;

    /// <summary>Maps the raw ids of <paramref name="dataset"/> to dense indices.</summary>
    public static DenseRatings From(RatingDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var users = new IdMap();
        var items = new IdMap();
        var userIndex = new int[dataset.Count];
        var itemIndex = new int[dataset.Count];
        for (int i = 0; i < dataset.Count; i++)
        {
            userIndex[i] = users.GetOrAdd(dataset.UserIds[i]);
            itemIndex[i] = items.GetOrAdd(dataset.ItemIds[i]);
        }
        return new DenseRatings(users, items, userIndex, itemIndex, dataset.Ratings);
    }

    /// <summary>The user × item matrix of the ratings at <paramref name="records"/> (indices into file order).</summary>
    public RatingMatrix ToMatrix(ReadOnlySpan<int> records)
    {
        var rows = new int[records.Length];
        var columns = new int[records.Length];
        var values = new float[records.Length];
        for (int i = 0; i < records.Length; i++)
        {
            int r = records[i];
            rows[i] = UserIndex[r];
            columns[i] = ItemIndex[r];
            values[i] = Ratings[r];
        }
        return RatingMatrix.FromCoordinates(Users.Count, Items.Count, rows, columns, values);
    }

    /// <summary>The user × item matrix of every rating.</summary>
    public RatingMatrix ToMatrix() => RatingMatrix.FromCoordinates(Users.Count, Items.Count, UserIndex, ItemIndex, Ratings);
}
