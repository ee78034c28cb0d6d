using System.Collections.Concurrent;

namespace AIaaS.Engine.Models;

/// <summary>
/// Item ids numbered in the order they were first seen, shared by matrix builders that fill in parallel (one per log
/// partition): every partition sees most items, and one index holds each id once instead of once per builder.
/// Looking up a known id takes no lock; numbering a new one does.
/// </summary>
public sealed class ItemIdIndex
{
    private readonly ConcurrentDictionary<string, int> _indices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly List<string> _ids = [];
    private readonly Lock _numbering = new();
    private int _count;

    /// <summary>An empty index.</summary>
    public ItemIdIndex() => _bySpan = _indices.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The id's number, given now if the index has not seen it (a string is made only then).</summary>
    public int IndexOf(ReadOnlySpan<char> id)
    {
        if (_bySpan.TryGetValue(id, out var index))
        {
            return index;
        }

        lock (_numbering)
        {
            if (_bySpan.TryGetValue(id, out index))
            {
                return index;
            }

            var key = id.ToString();
            index = _ids.Count;
            _ids.Add(key);

            // Counted before it is published: another builder may find the id without the lock and check its number
            // against Count at once (InteractionMatrixBuilder.Add by numbers), which refused a number published first.
            Volatile.Write(ref _count, _ids.Count);
            _indices[key] = index;
            return index;
        }
    }

    /// <summary>How many ids the index has numbered.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The ids in number order.</summary>
    public string[] ToArray()
    {
        lock (_numbering)
        {
            return [.. _ids];
        }
    }
}
