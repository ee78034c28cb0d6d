namespace AIaaS.Engine.Data;

/// <summary>A two-way map between raw ids and dense indices 0..Count-1, assigned in order of first appearance.</summary>
public sealed class IdMap
{
    private readonly Dictionary<int, int> _toIndex;
    private readonly List<int> _toRaw;

    /// <summary>Creates an empty map.</summary>
    public IdMap(int capacity = 0)
    {
        _toIndex = new Dictionary<int, int>(capacity);
        _toRaw = new List<int>(capacity);
    }

    /// <summary>Number of distinct ids.</summary>
    public int Count => _toRaw.Count;

    /// <summary>The dense index of <paramref name="rawId"/>, adding it if new.</summary>
    public int GetOrAdd(int rawId)
    {
        if (_toIndex.TryGetValue(rawId, out var index)) return index;
        index = _toRaw.Count;
        _toIndex.Add(rawId, index);
        _toRaw.Add(rawId);
        return index;
    }

    /// <summary>The dense index of <paramref name="rawId"/>, or -1 when unknown.</summary>
    public int IndexOf(int rawId) => _toIndex.TryGetValue(rawId, out var index) ? index : -1;

    /// <summary>The raw id at dense <paramref name="index"/>.</summary>
    public int RawId(int index) => _toRaw[index];
}
