namespace AIaaS.Engine.Factorization;

/// <summary>A trained implicit ALS model: dense row-major float32 factor matrices [users × k] and [items × k].</summary>
public sealed class AlsModel
{
    internal AlsModel(float[] userFactors, float[] itemFactors, int users, int items, AlsOptions options)
    {
        UserFactors = userFactors;
        ItemFactors = itemFactors;
        UserCount = users;
        ItemCount = items;
        Options = options;
    }

    /// <summary>Latent dimension k.</summary>
    public int Factors => Options.Factors;

    /// <summary>Number of user rows.</summary>
    public int UserCount { get; }

    /// <summary>Number of item rows.</summary>
    public int ItemCount { get; }

    /// <summary>User factors, row-major [users × k].</summary>
    public float[] UserFactors { get; }

    /// <summary>Item factors, row-major [items × k].</summary>
    public float[] ItemFactors { get; }

    /// <summary>The options the model was trained with (fold-in uses the same ones).</summary>
    public AlsOptions Options { get; }

    /// <summary>The factor row of dense user <paramref name="user"/>.</summary>
    public ReadOnlySpan<float> UserVector(int user) => UserFactors.AsSpan(user * Factors, Factors);

    /// <summary>The factor row of dense item <paramref name="item"/>.</summary>
    public ReadOnlySpan<float> ItemVector(int item) => ItemFactors.AsSpan(item * Factors, Factors);

    /// <summary>A fold-in solver for users against this model's item factors (computes YᵀY once).</summary>
    public AlsFoldIn CreateUserFoldIn() => new(ItemFactors, Options);

    /// <summary>A fold-in solver for items against this model's user factors (computes XᵀX once).</summary>
    public AlsFoldIn CreateItemFoldIn() => new(UserFactors, Options);
}
