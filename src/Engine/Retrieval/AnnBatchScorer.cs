using System.Buffers;
using System.Numerics.Tensors;
using AIaaS.Engine.Inference;
using AIaaS.Engine.Models;
using AIaaS.Engine.Scoring;

namespace AIaaS.Engine.Retrieval;

/// <summary>
/// Approximate retrieval for large catalogs: each row fetches a candidate set from the <see cref="ItemIndex"/>
/// (<see cref="AnnOptions.Oversample"/> × count, plus its exclusions) and re-scores it exactly; items the index does
/// not hold yet are scored exactly too. A row the candidates leave short — its exclusions or filter ate them — is
/// scored exactly over the whole catalog (or over its filter's items), so a request always gets count eligible
/// items when the catalog has them; <see cref="Fallbacks"/> counts those rows.
/// </summary>
public sealed class AnnBatchScorer : IBatchScorer
{
    private readonly ItemIndex _index;
    private readonly AnnOptions _options;
    private readonly int _threads;
    private long _fallbacks;

    /// <summary>Serves <paramref name="model"/> from <paramref name="index"/>, which must be of that version; the index stays the caller's.</summary>
    public AnnBatchScorer(ModelSnapshot model, ItemIndex index, AnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (index.ModelVersion != model.Version || index.Factors != model.Factors || index.Items > model.ItemCount)
        {
            ThrowHelper.Argument($"The item index is of model {index.ModelVersion} ({index.Items} items × {index.Factors}), not of model {model.Version} ({model.ItemCount} × {model.Factors}).", nameof(index));
        }

        Model = model;
        _index = index;
        _options = options;

        // USearch keeps one search context per hardware thread (reserved when the index grows), and a search beyond
        // them fails ("Reserve capacity ahead of searches!"): seen in CI with Threads = 4 on 2 cores.
        _threads = Math.Min(options.Threads, Environment.ProcessorCount);
    }

    /// <inheritdoc />
    public ModelSnapshot Model { get; }

    /// <summary>Rows that the candidates left short and that were scored exactly instead.</summary>
    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    /// <inheritdoc />
    public void Score(float[] users, int rows, int count, ReadOnlySpan<int> exclude, ReadOnlySpan<int> excludeOffsets,
        Span<int> topIndices, Span<float> topScores)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (rows == 1 || _threads == 1)
        {
            for (int r = 0; r < rows; r++) ScoreRow(users, r, count, exclude, excludeOffsets, topIndices, topScores);
            return;
        }

        // Rows run in parallel over pooled copies: spans cannot travel into the workers.
        var pool = ArrayPool<int>.Shared;
        int[] excludeCopy = pool.Rent(Math.Max(1, exclude.Length)), offsetCopy = pool.Rent(Math.Max(1, excludeOffsets.Length)), indexCopy = pool.Rent(rows * count);
        var scoreCopy = ArrayPool<float>.Shared.Rent(rows * count);
        try
        {
            exclude.CopyTo(excludeCopy);
            excludeOffsets.CopyTo(offsetCopy);
            int offsets = excludeOffsets.Length;
            Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = _threads }, r =>
                ScoreRow(users, r, count, excludeCopy.AsSpan(0, offsets == 0 ? 0 : offsetCopy[offsets - 1]), offsetCopy.AsSpan(0, offsets),
                    indexCopy.AsSpan(0, rows * count), scoreCopy.AsSpan(0, rows * count)));
            indexCopy.AsSpan(0, rows * count).CopyTo(topIndices);
            scoreCopy.AsSpan(0, rows * count).CopyTo(topScores);
        }
        finally
        {
            pool.Return(excludeCopy);
            pool.Return(offsetCopy);
            pool.Return(indexCopy);
            ArrayPool<float>.Shared.Return(scoreCopy);
        }
    }

    /// <inheritdoc />
    public int ScoreAllowed(ReadOnlySpan<float> user, ItemMask allowed, ReadOnlySpan<int> exclude, Span<int> topIndices, Span<float> topScores)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        int count = topIndices.Length;
        if (allowed.Count <= 4L * _options.MaxCandidates || allowed.Items != Model.ItemCount)
        {
            return TopK.RecommendAllowed(user, Model.ItemFactors, allowed, exclude, topIndices, topScores);
        }

        // A filter that allows a fraction f of the catalog needs about 1/f times the candidates to leave count of them.
        long scaled = (long)count * _options.Oversample * Model.ItemCount / allowed.Count;
        int want = (int)Math.Min(Math.Min(_index.Items, _options.MaxCandidates), scaled + exclude.Length);
        int written = Rescore(user, want, allowed, exclude, topIndices, topScores, out bool exhausted);
        if (written < count && !exhausted)
        {
            Interlocked.Increment(ref _fallbacks);
            written = TopK.RecommendAllowed(user, Model.ItemFactors, allowed, exclude, topIndices, topScores);
        }

        return written;
    }

    private void ScoreRow(float[] users, int r, int count, ReadOnlySpan<int> exclude, ReadOnlySpan<int> excludeOffsets,
        Span<int> topIndices, Span<float> topScores)
    {
        int k = Model.Factors;
        var user = users.AsSpan(r * k, k);
        var excluded = excludeOffsets.IsEmpty ? default : exclude[excludeOffsets[r]..excludeOffsets[r + 1]];
        var rowIndices = topIndices.Slice(r * count, count);
        var rowScores = topScores.Slice(r * count, count);
        int want = Math.Min(_index.Items, (count * _options.Oversample) + excluded.Length);
        int written = Rescore(user, want, null, excluded, rowIndices, rowScores, out bool exhausted);
        if (written < count && !exhausted)
        {
            Interlocked.Increment(ref _fallbacks);
            written = TopK.Recommend(user, Model.ItemFactors, excluded, rowIndices, rowScores);
        }

        rowIndices[written..].Fill(-1);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>
    /// Fetches <paramref name="want"/> candidates, adds the items the index does not hold, and keeps the best eligible
    /// ones by exact score. <paramref name="exhausted"/>: the index had no more to give, so a short answer is complete.
    /// </summary>
    private int Rescore(ReadOnlySpan<float> user, int want, ItemMask? allowed, ReadOnlySpan<int> exclude,
        Span<int> topIndices, Span<float> topScores, out bool exhausted)
    {
        var candidates = ArrayPool<int>.Shared.Rent(Math.Max(1, want));
        int found = _index.Search(user, candidates.AsSpan(0, want));
        exhausted = found < want || want >= _index.Items;
        var sorted = ArrayPool<int>.Shared.Rent(Math.Max(1, exclude.Length));
        try
        {
            var excluded = sorted.AsSpan(0, exclude.Length);
            exclude.CopyTo(excluded);
            excluded.Sort();
            int k = Model.Factors;
            var factors = Model.ItemFactors.AsSpan();
            var heap = new TopKHeap(topIndices, topScores[..topIndices.Length]);
            for (int i = 0; i < found; i++) Offer(ref heap, candidates[i], user, factors, k, allowed, excluded);
            for (int item = _index.Items; item < Model.ItemCount; item++) Offer(ref heap, item, user, factors, k, allowed, excluded);
            return heap.SortDescending();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sorted);
            ArrayPool<int>.Shared.Return(candidates);
        }
    }

    private static void Offer(ref TopKHeap heap, int item, ReadOnlySpan<float> user, ReadOnlySpan<float> factors, int k,
        ItemMask? allowed, ReadOnlySpan<int> excluded)
    {
        if ((allowed is not null && !allowed.Contains(item)) || excluded.BinarySearch(item) >= 0) return;
        heap.Offer(item, TensorPrimitives.Dot(factors.Slice(item * k, k), user));
    }
}
