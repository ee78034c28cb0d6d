namespace AIaaS.Engine.Content;

/// <summary>
/// The features a <see cref="ContentMap"/> has weights for, each with a dense index: those carried by at least a
/// minimum number of items, at most a maximum count, the most frequent first (ties in ordinal order, so a vocabulary
/// is the same for the same data).
/// </summary>
internal sealed class FeatureVocabulary
{
    private readonly Dictionary<string, int> _index;

    public FeatureVocabulary(string[] features)
    {
        Features = features;
        _index = new Dictionary<string, int>(features.Length, StringComparer.Ordinal);
        for (int f = 0; f < features.Length; f++)
        {
            if (!_index.TryAdd(features[f], f)) throw new InvalidDataException($"The feature '{features[f]}' appears twice in a content map.");
        }
    }

    public string[] Features { get; }

    public int Count => Features.Length;

    /// <summary>Counts on how many items each feature occurs and keeps the frequent ones.</summary>
    public static FeatureVocabulary Build(IReadOnlyList<IReadOnlyCollection<string>?> itemFeatures, int minItems, int maxFeatures)
    {
        var counts = new Dictionary<string, (int Items, int LastItem)>(StringComparer.Ordinal);
        for (int item = 0; item < itemFeatures.Count; item++)
        {
            if (itemFeatures[item] is not { } carried) continue;
            foreach (var feature in carried)
            {
                if (feature is null) continue;
                counts.TryGetValue(feature, out var seen);
                if (seen.Items > 0 && seen.LastItem == item) continue;
                counts[feature] = (seen.Items + 1, item);
            }
        }
        var kept = new List<(string Feature, int Items)>();
        foreach (var (feature, seen) in counts)
        {
            if (seen.Items >= minItems) kept.Add((feature, seen.Items));
        }
        kept.Sort((a, b) => a.Items != b.Items ? b.Items.CompareTo(a.Items) : string.CompareOrdinal(a.Feature, b.Feature));
        var features = new string[Math.Min(kept.Count, maxFeatures)];
        for (int f = 0; f < features.Length; f++) features[f] = kept[f].Feature;
        return new FeatureVocabulary(features);
    }

    /// <summary>The indices of the known features among <paramref name="features"/> into <paramref name="indices"/> (cleared first), sorted, each once.</summary>
    public void KnownIndices(IEnumerable<string>? features, List<int> indices)
    {
        indices.Clear();
        if (features is null) return;
        foreach (var feature in features)
        {
            if (feature is not null && _index.TryGetValue(feature, out var f)) indices.Add(f);
        }
        indices.Sort();
        int kept = 0;
        for (int i = 0; i < indices.Count; i++)
        {
            if (kept == 0 || indices[kept - 1] != indices[i]) indices[kept++] = indices[i];
        }
        indices.RemoveRange(kept, indices.Count - kept);
    }
}
