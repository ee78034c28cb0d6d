using System.Diagnostics.CodeAnalysis;
using AIaaS.Engine.Scoring;

namespace AIaaS.Engine.Inference;

/// <summary>
/// The dispatch loop's reused buffers: the batch's user rows, its exclusions (CSR) and the scorer's output. Filtered
/// rows are scored apart, over only the items their mask allows, so a filter never leaves a row short of items.
/// </summary>
internal sealed class BatchBuffers(int maxBatchSize, ICandidateReranker? reranker)
{
    private readonly List<InferenceBatcher.Pending> _rows = new(maxBatchSize);
    private readonly List<InferenceBatcher.Pending> _filtered = new(maxBatchSize);
    private readonly int[] _offsets = new int[maxBatchSize + 1];
    private float[] _users = [];
    private int[] _exclude = [];
    private int[] _top = [];
    private float[] _scores = [];

    public void Score(IBatchScorer scorer, List<InferenceBatcher.Pending> batch)
    {
        var model = scorer.Model;
        int k = model.Factors, count = Collect(batch, k, model);
        ScoreFiltered(scorer, model);
        if (_rows.Count == 0) return;
        count = Candidates(count, model.ItemCount);
        int rows = _rows.Count;
        Grow(ref _top, rows * count);
        Grow(ref _scores, rows * count);
        scorer.Score(_users, rows, count, _exclude.AsSpan(0, _offsets[rows]), _offsets.AsSpan(0, rows + 1), _top, _scores);
        for (int r = 0; r < rows; r++)
        {
            Complete(_rows[r], model, _users.AsSpan(r * k, k), _top.AsSpan(r * count, count), _scores.AsSpan(r * count, count));
        }
    }

    private void ScoreFiltered(IBatchScorer scorer, Models.ModelSnapshot model)
    {
        foreach (var pending in _filtered)
        {
            var request = pending.Request;
            int count = Candidates(request.Count, model.ItemCount);
            Grow(ref _top, count);
            Grow(ref _scores, count);
            var top = _top.AsSpan(0, count);
            var scores = _scores.AsSpan(0, count);
            int written = scorer.ScoreAllowed(request.UserVector.Span, request.Allowed!, request.Exclude.Span, top, scores);
            top[written..].Fill(-1);
            Complete(pending, model, request.UserVector.Span, top, scores);
        }
    }

    private int Candidates(int count, int items) => Math.Min(reranker is null ? count : Math.Max(count, reranker.Candidates), items);

    private void Complete(InferenceBatcher.Pending pending, Models.ModelSnapshot model, ReadOnlySpan<float> user, Span<int> top, Span<float> scores)
    {
        reranker?.Rerank(model, user, top, scores);
        int n = Math.Min(pending.Request.Count, Valid(top));
        pending.Completion.TrySetResult(new InferenceResult(model.Version, top[..n].ToArray(), scores[..n].ToArray()));
    }

    /// <summary>Copies the rows that fit the model into the buffers; answers the others at once with an empty result.</summary>
    private int Collect(List<InferenceBatcher.Pending> batch, int k, Models.ModelSnapshot model)
    {
        _rows.Clear();
        _filtered.Clear();
        int count = 0, excluded = 0;
        foreach (var pending in batch)
        {
            if (pending.Request.UserVector.Length != k || (pending.Request.Allowed is { } mask && (mask.Items != model.ItemCount || (mask.Model is not null && !ReferenceEquals(mask.Model, model)))))
            {
                pending.Completion.TrySetResult(new InferenceResult(model.Version, [], []));
                continue;
            }

            if (pending.Request.Allowed is not null)
            {
                _filtered.Add(pending);
                continue;
            }

            _rows.Add(pending);
            excluded += pending.Request.Exclude.Length;
            count = Math.Max(count, pending.Request.Count);
        }

        Grow(ref _users, _rows.Count * k);
        Grow(ref _exclude, excluded);
        _offsets[0] = 0;
        for (int r = 0; r < _rows.Count; r++)
        {
            var request = _rows[r].Request;
            request.UserVector.Span.CopyTo(_users.AsSpan(r * k, k));
            request.Exclude.Span.CopyTo(_exclude.AsSpan(_offsets[r]));
            _offsets[r + 1] = _offsets[r] + request.Exclude.Length;
        }

        return count;
    }

    private static int Valid(ReadOnlySpan<int> top)
    {
        int end = top.IndexOf(-1);
        return end < 0 ? top.Length : end;
    }

    private static void Grow<T>([NotNull] ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[Math.Max(length, buffer.Length * 2)];
    }
}
