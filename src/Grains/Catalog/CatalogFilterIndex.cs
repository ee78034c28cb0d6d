using AIaaS.Engine.Scoring;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Models;

namespace AIaaS.Grains.Catalog;

/// <summary>
/// One catalog snapshot seen through one model version: each category's and tag's items as dense model indices,
/// and the mask of items eligible now (hidden, deleted, unavailable and ended items cleared), rebuilt when the
/// next availability or live boundary passes. A request's mask is built from these, so its cost follows the items
/// its filter selects, not the whole catalog's metadata.
/// </summary>
internal sealed class CatalogFilterIndex
{
    private readonly Dictionary<string, int[]> _categories;
    private readonly Dictionary<string, int[]> _tags;
    private volatile Eligibility _eligibility;

    public CatalogFilterIndex(CatalogSnapshot catalog, LoadedModel model, DateTimeOffset now)
    {
        Catalog = catalog;
        Model = model;
        _categories = Indices(catalog.Categories, model);
        _tags = Indices(catalog.Tags, model);
        _eligibility = EligibilityAt(now);
    }

    public CatalogSnapshot Catalog { get; }

    public LoadedModel Model { get; }

    /// <summary>
    /// How a request with <paramref name="filter"/> is restricted now. Without a filter, a few ineligible items are
    /// passed as exclusions, so the request keeps the batched scorer; a filter, or ineligible items past
    /// <paramref name="maxExcluded"/>, make a mask, and the row is scored over the allowed items only.
    /// </summary>
    public ScoringRestriction RestrictionFor(ItemFilter filter, DateTimeOffset now, int maxExcluded)
    {
        var eligibility = _eligibility;
        if (now >= eligibility.ValidUntil)
        {
            _eligibility = eligibility = EligibilityAt(now);
        }

        if (filter.IsEmpty)
        {
            return eligibility.Ineligible.Length <= maxExcluded
                ? new ScoringRestriction(null, eligibility.Ineligible)
                : new ScoringRestriction(eligibility.Mask, []);
        }

        return new ScoringRestriction(MaskOf(filter, eligibility), []);
    }

    private ItemMask MaskOf(ItemFilter filter, Eligibility eligibility)
    {
        var items = Model.Snapshot.ItemCount;
        var mask = ItemMask.Create(items, allowAll: filter.Categories.IsDefaultOrEmpty, Model.Snapshot);
        if (!filter.Categories.IsDefaultOrEmpty)
        {
            AllowAny(mask, _categories, filter.Categories);
        }

        if (!filter.Tags.IsDefaultOrEmpty)
        {
            var tagged = ItemMask.Create(items, allowAll: false);
            AllowAny(tagged, _tags, filter.Tags);
            mask.IntersectWith(tagged.Build());
        }

        if (eligibility.Mask is { } eligible)
        {
            mask.IntersectWith(eligible);
        }

        return mask.Build();
    }

    private static void AllowAny(ItemMask.Builder mask, Dictionary<string, int[]> index, IEnumerable<string> labels)
    {
        foreach (var label in labels)
        {
            if (index.TryGetValue(label, out var members))
            {
                foreach (var member in members)
                {
                    mask.Allow(member);
                }
            }
        }
    }

    private Eligibility EligibilityAt(DateTimeOffset now)
    {
        var model = Model.Snapshot;
        ItemMask.Builder? mask = null;
        var ineligible = new List<int>();
        var next = DateTimeOffset.MaxValue;
        for (var i = 0; i < model.ItemCount; i++)
        {
            var itemId = model.ItemIds[i];
            bool eligible;
            if (Catalog.Items.TryGetValue(itemId, out var metadata))
            {
                eligible = metadata.IsEligible(now);
                next = Earliest(next, now, metadata.AvailableFrom, metadata.AvailableUntil, metadata.LiveUntil);
            }
            else
            {
                eligible = !Catalog.Deleted.Contains(itemId);
            }

            if (!eligible)
            {
                (mask ??= ItemMask.Create(model.ItemCount, allowAll: true, model)).Deny(i);
                ineligible.Add(i);
            }
        }

        return new Eligibility(mask?.Build(), [.. ineligible], next);
    }

    private static DateTimeOffset Earliest(DateTimeOffset next, DateTimeOffset now, params ReadOnlySpan<DateTimeOffset?> boundaries)
    {
        foreach (var boundary in boundaries)
        {
            if (boundary is { } at && at > now && at < next)
            {
                next = at;
            }
        }

        return next;
    }

    private static Dictionary<string, int[]> Indices(System.Collections.Frozen.FrozenDictionary<string, string[]> labels, LoadedModel model)
    {
        var indices = new Dictionary<string, int[]>(labels.Count, StringComparer.Ordinal);
        foreach (var (label, itemIds) in labels)
        {
            indices[label] = [.. itemIds.Select(model.IndexOf).Where(index => index >= 0)];
        }

        return indices;
    }

    /// <summary>The eligible items as a mask (null: all of them) and the ineligible ones as indices, and when that may next change.</summary>
    private sealed record Eligibility(ItemMask? Mask, int[] Ineligible, DateTimeOffset ValidUntil);
}
