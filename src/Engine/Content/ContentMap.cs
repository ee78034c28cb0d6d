using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace AIaaS.Engine.Content;

/// <summary>
/// A linear map from an item's content features (<see cref="ItemFeatures"/>) to the factor space, learnt at training
/// time by ridge regression over the items the model knows: W = argmin Σᵢ ‖xᵢW − vᵢ‖² + λ‖W‖², xᵢ the item's binary
/// feature row (plus an unpenalized intercept), vᵢ its factor row. An item no user has touched yet gets the vector
/// xW, so it can be scored against users before anyone interacts with it (content-based cold start).
/// </summary>
public sealed class ContentMap
{
    private const int FormatVersion = 1;
    private readonly FeatureVocabulary _vocabulary;
    private readonly float[] _weights;

    private ContentMap(FeatureVocabulary vocabulary, float[] weights, int factors, bool intercept, double regularization, int fittedItems)
    {
        _vocabulary = vocabulary;
        _weights = weights;
        Factors = factors;
        HasIntercept = intercept;
        Regularization = regularization;
        FittedItems = fittedItems;
    }

    /// <summary>Latent dimension k of the projections.</summary>
    public int Factors { get; }

    /// <summary>The features the map has weights for, most frequent first.</summary>
    public IReadOnlyList<string> Features => _vocabulary.Features;

    /// <summary>Whether an intercept row is added to every projection.</summary>
    public bool HasIntercept { get; }

    /// <summary>The ridge penalty λ the map was fitted with.</summary>
    public double Regularization { get; }

    /// <summary>How many items the map was fitted on (those with at least one feature of the vocabulary).</summary>
    public int FittedItems { get; }

    /// <summary>Fits a map with the default options and the given λ; see <see cref="Fit(IReadOnlyList{IReadOnlyCollection{string}}, ReadOnlySpan{float}, int, ContentMapOptions)"/>.</summary>
    public static ContentMap? Fit(IReadOnlyList<IReadOnlyCollection<string>> itemFeatures, ReadOnlySpan<float> itemFactors, int factors,
        double lambda = ContentMapOptions.DefaultRegularization) =>
        Fit(itemFeatures, itemFactors, factors, new ContentMapOptions { Regularization = lambda });

    /// <summary>
    /// Fits the map: <paramref name="itemFeatures"/>[i] holds the features of the item whose factors are row i of
    /// <paramref name="itemFactors"/> (row-major, <paramref name="factors"/> wide); an empty collection is an item
    /// without metadata, left out of the fit. Returns null when no feature is shared by
    /// <see cref="ContentMapOptions.MinItems"/> items (nothing to learn from).
    /// </summary>
    /// <exception cref="ArgumentException">The sizes disagree or an option is invalid.</exception>
    public static ContentMap? Fit(IReadOnlyList<IReadOnlyCollection<string>> itemFeatures, ReadOnlySpan<float> itemFactors, int factors,
        ContentMapOptions options)
    {
        ArgumentNullException.ThrowIfNull(itemFeatures);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (factors is < 1 or > 1024) ThrowHelper.OutOfRange(nameof(factors), "factors must be between 1 and 1024.");
        if (itemFactors.Length != itemFeatures.Count * factors) ThrowHelper.LengthMismatch(nameof(itemFactors), itemFeatures.Count * factors, itemFactors.Length);

        var vocabulary = FeatureVocabulary.Build(itemFeatures, options.MinItems, options.MaxFeatures);
        if (vocabulary.Count == 0) return null;
        var rows = new List<int[]>();
        var itemOf = new List<int>();
        var indices = new List<int>();
        for (int item = 0; item < itemFeatures.Count; item++)
        {
            vocabulary.KnownIndices(itemFeatures[item], indices);
            if (indices.Count == 0) continue;
            rows.Add([.. indices]);
            itemOf.Add(item);
        }
        var weights = RidgeSolver.Solve(rows, itemOf, itemFactors, factors, vocabulary.Count, options.Intercept, options.Regularization);
        return new ContentMap(vocabulary, weights, factors, options.Intercept, options.Regularization, rows.Count);
    }

    /// <summary>
    /// Writes the projection of an item with <paramref name="features"/> into <paramref name="destination"/>
    /// (<see cref="Factors"/> long). Returns false, with <paramref name="destination"/> zeroed, when none of the
    /// features is in the vocabulary: the map knows nothing about such an item.
    /// </summary>
    public bool TryProject(IEnumerable<string> features, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (destination.Length != Factors) ThrowHelper.LengthMismatch(nameof(destination), Factors, destination.Length);
        destination.Clear();
        var indices = new List<int>();
        _vocabulary.KnownIndices(features, indices);
        if (indices.Count == 0) return false;
        foreach (var f in indices) TensorPrimitives.Add(destination, Row(f), destination);
        if (HasIntercept) TensorPrimitives.Add(destination, Row(_vocabulary.Count), destination);
        return true;
    }

    /// <summary>Writes the map in a compact little-endian form that <see cref="Read"/> reads back.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(FormatVersion);
        writer.Write(Factors);
        writer.Write(HasIntercept);
        writer.Write(Regularization);
        writer.Write(FittedItems);
        writer.Write(_vocabulary.Count);
        foreach (var feature in _vocabulary.Features) writer.Write(feature);
        writer.Write(_weights.Length);
        writer.Write(MemoryMarshal.AsBytes(_weights.AsSpan()));
    }

    /// <summary>Reads a map written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The data is not a content map of a known format.</exception>
    public static ContentMap Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var format = reader.ReadInt32();
        if (format != FormatVersion) throw new InvalidDataException($"Content map format {format} is not supported (expected {FormatVersion}).");
        var factors = reader.ReadInt32();
        var intercept = reader.ReadBoolean();
        var regularization = reader.ReadDouble();
        var fittedItems = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (factors is < 1 or > 1024 || count is < 1 or > 16_384) throw new InvalidDataException($"A content map of {count} features × {factors} factors is not valid.");
        var features = new string[count];
        for (int f = 0; f < count; f++) features[f] = reader.ReadString();
        var weights = new float[reader.ReadInt32()];
        if (weights.Length != (count + (intercept ? 1 : 0)) * factors) throw new InvalidDataException($"A content map of {count} features × {factors} factors cannot hold {weights.Length} weights.");
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
        return new ContentMap(new FeatureVocabulary(features), weights, factors, intercept, regularization, fittedItems);
    }

    private ReadOnlySpan<float> Row(int row) => _weights.AsSpan(row * Factors, Factors);
}
