using System.Collections.Frozen;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Storage;

namespace AIaaS.Grains.Catalog;

/// <summary>
/// The catalog as this silo last read it, immutable: each item's metadata, the deleted items, and the items of
/// each category and tag in id order (for listing and for building filter masks).
/// </summary>
internal sealed class CatalogSnapshot
{
    public static readonly CatalogSnapshot Empty = new(
        0, new Dictionary<string, ItemMetadata>(StringComparer.Ordinal), new Dictionary<string, long>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    private CatalogSnapshot(long revision, Dictionary<string, ItemMetadata> items, Dictionary<string, long> changedAt, HashSet<string> deleted)
    {
        Revision = revision;
        Items = items;
        ChangedAt = changedAt;
        Deleted = deleted;
        Ids = [.. items.Keys.Order(StringComparer.Ordinal)];
        Categories = Index(Ids, items, metadata => metadata.Categories);
        Tags = Index(Ids, items, metadata => metadata.Tags);
    }

    public long Revision { get; }

    public IReadOnlyDictionary<string, ItemMetadata> Items { get; }

    /// <summary>The revision of each item's last change: the newest items are the highest.</summary>
    public IReadOnlyDictionary<string, long> ChangedAt { get; }

    public IReadOnlySet<string> Deleted { get; }

    /// <summary>Every item with metadata, in ordinal id order.</summary>
    public string[] Ids { get; }

    public FrozenDictionary<string, string[]> Categories { get; }

    public FrozenDictionary<string, string[]> Tags { get; }

    /// <summary>This snapshot with <paramref name="changes"/> applied (in revision order: the last change to an item wins).</summary>
    public CatalogSnapshot With(IEnumerable<CatalogEntry> changes, long revision)
    {
        var items = new Dictionary<string, ItemMetadata>(Items, StringComparer.Ordinal);
        var changedAt = new Dictionary<string, long>(ChangedAt, StringComparer.Ordinal);
        var deleted = new HashSet<string>(Deleted, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Metadata is { } metadata)
            {
                items[change.ItemId] = metadata;
                changedAt[change.ItemId] = change.Revision;
                deleted.Remove(change.ItemId);
            }
            else
            {
                items.Remove(change.ItemId);
                changedAt.Remove(change.ItemId);
                deleted.Add(change.ItemId);
            }
        }

        return new CatalogSnapshot(revision, items, changedAt, deleted);
    }

    private static FrozenDictionary<string, string[]> Index(string[] ids, Dictionary<string, ItemMetadata> items, Func<ItemMetadata, System.Collections.Immutable.ImmutableArray<string>> labelsOf)
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var labels = labelsOf(items[id]);
            if (labels.IsDefaultOrEmpty)
            {
                continue;
            }

            foreach (var label in labels.Distinct(StringComparer.Ordinal))
            {
                if (!index.TryGetValue(label, out var members))
                {
                    index[label] = members = [];
                }

                members.Add(id);
            }
        }

        return index.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }
}
