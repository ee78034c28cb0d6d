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
            // Capacity for every item up front, so that the adds below never reserve (which must not overlap them);
            // then the rows are added from as many threads as the native index keeps contexts (one per core), each
            // through a row buffer of its own that the index copies.
            int items = model.ItemCount, threads = Math.Clamp(options.Threads, 1, Environment.ProcessorCount);
            USearchNative.Reserve(index, items);
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
            {
                var row = new float[k];
                for (int i = thread; i < items; i += threads)
                {
                    model.ItemFactors.AsSpan(i * k, k).CopyTo(row);
                    index.Add((ulong)i, row);
                }
            });

            // What the native index holds, not what was asked: an add lost between threads would show here.
            return new ItemIndex(index, model.Version, k, (int)index.Size());
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads an index saved by <see cref="Save"/> for <paramref name="model"/>, searching with
    /// <paramref name="options"/>' expansion (the file does not hold it); throws <see cref="InvalidDataException"/>
    /// when it does not fit (other factor count, more items than the model).
    /// </summary>
    public static ItemIndex Load(string path, ModelSnapshot model, AnnOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        USearchIndex? index = null;
        try
        {
            index = new USearchIndex(path);
            int factors = (int)index.Dimensions(), items = (int)index.Size();
            if (factors != model.Factors || items > model.ItemCount)
            {
                throw new InvalidDataException($"The item index '{path}' has {items} items of {factors} factors; model {model.Version} has {model.ItemCount} of {model.Factors}.");
            }

            USearchNative.SetExpansionSearch(index, options.ExpansionSearch);
            return new ItemIndex(index, model.Version, factors, items);
        }
        catch (Exception ex)
        {
            index?.Dispose();
            if (ex is USearchException) throw new InvalidDataException($"The item index '{path}' could not be read: {ex.Message}", ex);
            throw;
        }
    }

    /// <summary>The index as <see cref="FromBytes"/> reads it back: USearch's file format, for the model store.</summary>
    public byte[] ToBytes()
    {
        var path = ScratchPath();
        try
        {
            Save(path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>An index from <see cref="ToBytes"/>, checked against <paramref name="model"/> as <see cref="Load"/> does.</summary>
    public static ItemIndex FromBytes(ReadOnlySpan<byte> bytes, ModelSnapshot model, AnnOptions options)
    {
        // The binding loads from a path only, so the bytes go through a scratch file; the index is read into memory.
        var path = ScratchPath();
        try
        {
            File.WriteAllBytes(path, bytes);
            return Load(path, model, options);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes the index to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _index.Save(path);
    }

    /// <summary>The candidate list a search keeps (HNSW's ef), as the native index has it.</summary>
    public int ExpansionSearch => USearchNative.ExpansionSearch(_index);

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

    private static string ScratchPath() => Path.Combine(Path.GetTempPath(), $"aiaas-item-index-{Guid.NewGuid():N}.usearch");
}
