namespace AIaaS.Engine.Scoring;

/// <summary>
/// A bounded min-heap over caller-owned spans: keeps the best <c>capacity</c> (score, index) pairs seen, the worst on top.
/// Ties go to the lower index so results are deterministic.
/// </summary>
internal ref struct TopKHeap
{
    private readonly Span<int> _indices;
    private readonly Span<float> _scores;
    private int _count;

    public TopKHeap(Span<int> indices, Span<float> scores)
    {
        _indices = indices;
        _scores = scores;
        _count = 0;
    }

    /// <summary>The score an item must beat to enter once the heap is full.</summary>
    public readonly float Threshold => _count < _indices.Length ? float.NegativeInfinity : _scores[0];

    public void Offer(int index, float score)
    {
        if (_count < _indices.Length)
        {
            int at = _count++;
            _indices[at] = index;
            _scores[at] = score;
            SiftUp(at);
        }
        else if (Better(score, index, _scores[0], _indices[0]))
        {
            _indices[0] = index;
            _scores[0] = score;
            SiftDown(0, _count);
        }
    }

    /// <summary>Sorts the kept pairs best first (in place, by popping the heap) and returns how many there are.</summary>
    public int SortDescending()
    {
        for (int end = _count - 1; end > 0; end--)
        {
            Swap(0, end);
            SiftDown(0, end);
        }
        return _count;
    }

    private static bool Better(float score, int index, float otherScore, int otherIndex) =>
        score > otherScore || (score == otherScore && index < otherIndex);

    private void SiftUp(int at)
    {
        while (at > 0)
        {
            int parent = (at - 1) >> 1;
            if (!Better(_scores[parent], _indices[parent], _scores[at], _indices[at])) break;
            Swap(at, parent);
            at = parent;
        }
    }

    private void SiftDown(int at, int count)
    {
        while (true)
        {
            int child = 2 * at + 1;
            if (child >= count) return;
            if (child + 1 < count && Better(_scores[child], _indices[child], _scores[child + 1], _indices[child + 1])) child++;
            if (!Better(_scores[at], _indices[at], _scores[child], _indices[child])) return;
            Swap(at, child);
            at = child;
        }
    }

    private readonly void Swap(int a, int b)
    {
        (_indices[a], _indices[b]) = (_indices[b], _indices[a]);
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
    }
}
