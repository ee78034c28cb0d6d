namespace AIaaS.Engine.Content;

/// <summary>
/// The feature strings a <see cref="ContentMap"/> learns from: <c>category:drama</c> for each category and
/// <c>tag:funny</c> for each tag. Both are trimmed and lower-cased (invariant culture), so "Drama" and "drama " are
/// one feature; empty labels are dropped, repeats kept once. Training and serving build features with this one
/// helper so that they agree: the serving side passes an item's metadata categories and tags, and MovieLens' release
/// year and decade arrive as tags (<c>tag:1995</c>, <c>tag:1990s</c>).
/// </summary>
public static class ItemFeatures
{
    /// <summary>Prefix of a category feature.</summary>
    public const string CategoryPrefix = "category:";

    /// <summary>Prefix of a tag feature.</summary>
    public const string TagPrefix = "tag:";

    /// <summary>The features of an item with these categories and tags (either may be null), categories first.</summary>
    public static string[] Of(IEnumerable<string>? categories, IEnumerable<string>? tags)
    {
        var features = new List<string>();
        Add(features, CategoryPrefix, categories);
        Add(features, TagPrefix, tags);
        return [.. features];
    }

    private static void Add(List<string> features, string prefix, IEnumerable<string>? labels)
    {
        if (labels is null) return;
        foreach (var label in labels)
        {
            var trimmed = label?.Trim();
            if (string.IsNullOrEmpty(trimmed)) continue;
            var feature = prefix + trimmed.ToLowerInvariant();
            if (!features.Contains(feature, StringComparer.Ordinal)) features.Add(feature);
        }
    }
}
