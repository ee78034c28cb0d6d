using AIaaS.Engine.Content;
using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.Models;

/// <summary>
/// An immutable, versioned trained model as the serving path needs it: the item side of an implicit ALS
/// factorization (factors and their Gramian, for scoring and fold-in), the user Gramian (for folding in
/// new items), the id map, the log watermark it covers, its training metrics and, when items had metadata, the
/// content map that gives an item nobody has touched yet a vector from its categories and tags.
/// </summary>
public sealed class ModelSnapshot
{
    /// <summary>Creates a snapshot; the arrays are taken as they are, not copied.</summary>
    public ModelSnapshot(
        long version,
        DateTimeOffset trainedAt,
        AlsOptions options,
        string[] itemIds,
        float[] itemFactors,
        float[] itemGramian,
        float[] userGramian,
        int userCount,
        long[] watermark,
        IReadOnlyDictionary<string, double> metrics,
        ContentMap? content = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(itemFactors);
        ArgumentNullException.ThrowIfNull(itemGramian);
        ArgumentNullException.ThrowIfNull(userGramian);
        ArgumentNullException.ThrowIfNull(watermark);
        ArgumentNullException.ThrowIfNull(metrics);
        var k = options.Factors;
        if (itemFactors.Length != itemIds.Length * k)
        {
            throw new ArgumentException($"itemFactors must hold {itemIds.Length} × {k} values (has {itemFactors.Length}).", nameof(itemFactors));
        }

        if (itemGramian.Length != k * k || userGramian.Length != k * k)
        {
            throw new ArgumentException($"Gramians must be {k} × {k}.", nameof(itemGramian));
        }

        if (content is not null && content.Factors != k)
        {
            throw new ArgumentException($"The content map projects to {content.Factors} factors; the model has {k}.", nameof(content));
        }

        Version = version;
        TrainedAt = trainedAt;
        Options = options;
        ItemIds = itemIds;
        ItemFactors = itemFactors;
        ItemGramian = itemGramian;
        UserGramian = userGramian;
        UserCount = userCount;
        Watermark = watermark;
        Metrics = metrics;
        Content = content;
    }

    /// <summary>Monotonic model version; 1 is the first trained model.</summary>
    public long Version { get; }

    /// <summary>When training finished.</summary>
    public DateTimeOffset TrainedAt { get; }

    /// <summary>The ALS options the model was trained with; fold-in must use the same.</summary>
    public AlsOptions Options { get; }

    /// <summary>Latent dimension k.</summary>
    public int Factors => Options.Factors;

    /// <summary>External item id of each dense item index.</summary>
    public string[] ItemIds { get; }

    /// <summary>Item factors, row-major [items × k].</summary>
    public float[] ItemFactors { get; }

    /// <summary>YᵀY of the item factors, k × k row-major: what a user fold-in needs.</summary>
    public float[] ItemGramian { get; }

    /// <summary>XᵀX of the user factors, k × k row-major: what folding in a new item needs.</summary>
    public float[] UserGramian { get; }

    /// <summary>Users in the training data.</summary>
    public int UserCount { get; }

    /// <summary>Per log partition, the highest sequence number the training data included (-1 for none).</summary>
    public long[] Watermark { get; }

    /// <summary>Training metrics by name (events, seconds, ...).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>The map from item features (<see cref="ItemFeatures"/>) to this model's factor space; null when no item had metadata.</summary>
    public ContentMap? Content { get; }

    /// <summary>Number of items.</summary>
    public int ItemCount => ItemIds.Length;
}
