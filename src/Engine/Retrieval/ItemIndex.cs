using AIaaS.Engine.Models;
using Cloud.Unum.USearch;

namespace AIaaS.Engine.Retrieval;

/// <summary>
/// An HNSW index (USearch, inner-product metric) over one model version's item factors, keyed by dense item index.
/// It holds the first <see cref="Items"/> items of that version; a caller scores any later ones exactly. Searches
/// may run concurrently; building and disposing may not overlap them.
/// </summary>
public sealed class ItemIndex : IDisposable
{
    private const int BuildChunk = 65_536;
    private readonly USearchIndex _index;

    private ItemIndex(USearchIndex index, long modelVersion, int factors, int items)
    {
        _index = index;
        ModelVersion = modelVersion;
        Factors = factors;
        Items = items;
    }

    /// <summary>The model version whose factors were indexed.</summary>
    public long ModelVersion { get; }

    /// <summary>Factors per vector.</summary>
    public int Factors { get; }

    /// <summary>How many items it holds: dense indices 0 to Items − 1.</summary>
    public int Items { get; }

    /// <summary>Indexes every item of <paramref name="model"/> (CPU-heavy: call it off any request path).</summary>
    public static ItemIndex Build(ModelSnapshot model, AnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int k = model.Factors;
        var index = new USearchIndex(MetricKind.Ip, ScalarKind.Float32, (ulong)k,
            (ulong)options.Connectivity, (ulong)options.ExpansionAdd, (ulong)options.ExpansionSearch);
        try
        {
            // In chunks: each Add of many reserves its capacity once, and the native index copies the rows, so a
            // chunk's copies are all the managed memory a build needs beside the model.
            for (int start = 0; start < model.ItemCount; start += BuildChunk)
            {
                int length = Math.Min(BuildChunk, model.ItemCount - start);
                var keys = new ulong[length];
                var rows = new float[length][];
                for (int i = 0; i < length; i++)
                {
                    keys[i] = (ulong)(start + i);
                    rows[i] = model.ItemFactors.AsSpan((start + i) * k, k).ToArray();
                }

                index.Add(keys, rows);
            }

            return new ItemIndex(index, model.Version, k, model.ItemCount);
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads an index saved by <see cref="Save"/> for <paramref name="model"/>; throws <see cref="InvalidDataException"/>
    /// when it does not fit (other factor count, more items than the model).
    /// </summary>
    public static ItemIndex Load(string path, ModelSnapshot model)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(model);
        var index = new USearchIndex(path);
        int factors = (int)index.Dimensions(), items = (int)index.Size();
        if (factors != model.Factors || items > model.ItemCount)
        {
            index.Dispose();
            throw new InvalidDataException($"The item index '{path}' has {items} items of {factors} factors; model {model.Version} has {model.ItemCount} of {model.Factors}.");
        }

        return new ItemIndex(index, model.Version, factors, items);
    }

    /// <summary>Writes the index to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _index.Save(path);
    }

    /// <summary>Writes up to <paramref name="candidates"/>.Length items nearest <paramref name="user"/> by inner product; returns how many.</summary>
    public int Search(ReadOnlySpan<float> user, Span<int> candidates)
    {
        if (user.Length != Factors) ThrowHelper.LengthMismatch(nameof(user), Factors, user.Length);
        if (candidates.IsEmpty) return 0;
        int found = _index.Search(user.ToArray(), candidates.Length, out var keys, out _);
        for (int i = 0; i < found; i++) candidates[i] = (int)keys[i];
        return found;
    }

    /// <inheritdoc />
    public void Dispose() => _index.Dispose();
}
