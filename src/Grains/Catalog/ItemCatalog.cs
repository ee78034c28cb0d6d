using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Options;
using AIaaS.Grains.Storage;

namespace AIaaS.Grains.Catalog;

/// <summary>
/// This silo's copy of the item catalog, replaced by <see cref="ItemCatalogRefresher"/> with each batch of changes
/// it reads from the store. Requests ask it which items they may return: as a mask over the current model's items
/// (inside scoring) and item by item (for candidates the model does not hold).
/// </summary>
public sealed class ItemCatalog(TimeProvider time, IOptions<EngineOptions> options)
{
    private volatile CatalogSnapshot _current = CatalogSnapshot.Empty;
    private volatile CatalogFilterIndex? _index;
    private volatile ColdItems? _cold;
    private volatile bool _loaded;

    /// <summary>Up to this many ineligible items travel as exclusions, which keep an unfiltered request on the batched scorer.</summary>
    private const int MaxExcludedIneligible = 1024;

    /// <summary>The revision of the last change this silo has read.</summary>
    public long Revision => _current.Revision;

    /// <summary>Whether the catalog has been read from the store once (until then nothing is known to be hidden or deleted).</summary>
    public bool IsLoaded => _loaded;

    public void Apply(IReadOnlyCollection<CatalogEntry> changes, long throughRevision)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count > 0 || throughRevision != _current.Revision)
        {
            _current = _current.With(changes, Math.Max(throughRevision, _current.Revision));
        }

        _loaded = true;
    }

    /// <summary>The item's metadata, or null when the catalog has none (never stored or deleted).</summary>
    public ItemMetadata? Get(string itemId) => _current.Items.GetValueOrDefault(itemId);

    /// <summary>Whether the item may be returned by a request with <paramref name="filter"/> now.</summary>
    public bool Allows(string itemId, ItemFilter filter, DateTimeOffset now)
    {
        var current = _current;
        if (current.Items.TryGetValue(itemId, out var metadata))
        {
            return metadata.IsEligible(now) && filter.Matches(metadata);
        }

        return !current.Deleted.Contains(itemId) && filter.IsEmpty;
    }

    /// <summary>Why the filter names something the catalog has never held (naming it), or null.</summary>
    public string? CheckKnown(ItemFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var current = _current;
        foreach (var category in filter.Categories.IsDefault ? [] : filter.Categories)
        {
            if (!current.Categories.ContainsKey(category))
            {
                return $"category '{category}' is not the category of any item in the catalog.";
            }
        }

        foreach (var tag in filter.Tags.IsDefault ? [] : filter.Tags)
        {
            if (!current.Tags.ContainsKey(tag))
            {
                return $"tag '{tag}' is not the tag of any item in the catalog.";
            }
        }

        return null;
    }

    /// <summary>
    /// What scoring against <paramref name="model"/> must leave out now for <paramref name="filter"/>: hidden, deleted,
    /// unavailable and ended items always, and what the filter does not match.
    /// </summary>
    public ScoringRestriction RestrictionFor(LoadedModel model, ItemFilter filter)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(filter);
        var current = _current;
        var index = _index;
        if (index is null || !ReferenceEquals(index.Catalog, current) || !ReferenceEquals(index.Model, model))
        {
            // Rebuilt at most once per catalog change or model version; concurrent requests may both build, harmlessly.
            _index = index = new CatalogFilterIndex(current, model, time.GetUtcNow());
        }

        return index.RestrictionFor(filter, time.GetUtcNow(), MaxExcludedIneligible);
    }

    /// <summary>The newest catalog items <paramref name="model"/> does not know, with vectors from their metadata (empty without a content map).</summary>
    public IReadOnlyList<ColdItem> ColdItemsFor(LoadedModel model) => Cold(model).Items;

    /// <summary>The known item a cold one is most like, for its reason; null when none shares a category with it.</summary>
    public string? LikeOf(LoadedModel model, ColdItem item) => Cold(model).LikeOf(item);

    private ColdItems Cold(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var current = _current;
        var cold = _cold;
        if (cold is null || !ReferenceEquals(cold.Catalog, current) || !ReferenceEquals(cold.Model, model))
        {
            _cold = cold = new ColdItems(current, model, options.Value.ColdItemCapacity);
        }

        return cold;
    }

    /// <summary>A page of the catalog's items in id order, of one category when given, and how many there are in all.</summary>
    public (IReadOnlyList<KeyValuePair<string, ItemMetadata>> Items, int Total) List(string? category, int offset, int count)
    {
        var current = _current;
        var ids = category is null ? current.Ids : current.Categories.GetValueOrDefault(category, []);
        var page = ids.Skip(offset).Take(count).Select(id => KeyValuePair.Create(id, current.Items[id])).ToList();
        return (page, ids.Length);
    }

    /// <summary>Items of the filter (in id order) that may be returned now, for answers that must be filled from the catalog itself.</summary>
    public IEnumerable<string> Eligible(ItemFilter filter, DateTimeOffset now)
    {
        var current = _current;
        var ids = !filter.Categories.IsDefaultOrEmpty
            ? filter.Categories.SelectMany(category => current.Categories.GetValueOrDefault(category, [])).Distinct(StringComparer.Ordinal)
            : !filter.Tags.IsDefaultOrEmpty
                ? filter.Tags.SelectMany(tag => current.Tags.GetValueOrDefault(tag, [])).Distinct(StringComparer.Ordinal)
                : current.Ids;
        return ids.Where(id => current.Items[id] is var metadata && metadata.IsEligible(now) && filter.Matches(metadata));
    }
}
