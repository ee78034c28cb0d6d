namespace AIaaS.Engine.Data;

/// <summary>Collects titles, categories and tags per item from one or more metadata files, without repeats.</summary>
internal sealed class ItemContentBuilder
{
    private readonly Dictionary<int, Entry> _items = [];

    public void SetTitle(int item, string title) => Get(item).Title = title.Trim();

    /// <summary>Adds a category as the file spells it (trimmed); an empty one is ignored.</summary>
    public void AddCategory(int item, string category) => AddOnce(Get(item).Categories, category.Trim());

    /// <summary>Adds a tag lower-cased and trimmed; an empty one is ignored.</summary>
    public void AddTag(int item, string tag) => AddOnce(Get(item).Tags, tag.Trim().ToLowerInvariant());

    public IReadOnlyDictionary<int, ItemContent> Build()
    {
        var items = new Dictionary<int, ItemContent>(_items.Count);
        foreach (var (id, entry) in _items) items[id] = new ItemContent(id, entry.Title, entry.Categories.ToArray(), entry.Tags.ToArray());
        return items;
    }

    private Entry Get(int item)
    {
        if (!_items.TryGetValue(item, out var entry))
        {
            entry = new Entry();
            _items.Add(item, entry);
        }
        return entry;
    }

    private static void AddOnce(List<string> values, string value)
    {
        if (value.Length > 0 && !values.Contains(value, StringComparer.Ordinal)) values.Add(value);
    }

    private sealed class Entry
    {
        public string Title { get; set; } = string.Empty;
        public List<string> Categories { get; } = [];
        public List<string> Tags { get; } = [];
    }
}
