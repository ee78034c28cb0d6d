using System.Runtime.InteropServices;
using AIaaS.Engine.Data;

namespace AIaaS.Engine.Models;

/// <summary>
/// Collects (user, item, weight) triples with string ids and builds the user × item matrix that ALS trains on,
/// with the id maps; repeated pairs sum their weights. The triples are kept as dense indices in flat arrays,
/// so adding costs two id lookups and an append, and a builder can keep growing after <see cref="Build"/>:
/// the retraining grain adds only the log's new events before the next training.
/// </summary>
public sealed class InteractionMatrixBuilder
{
    private readonly Dictionary<string, int> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _items = new(StringComparer.Ordinal);
    private readonly List<string> _itemIds = [];
    private int[] _userOf = new int[1024];
    private int[] _itemOf = new int[1024];
    private float[] _weightOf = new float[1024];
    private int _count;
    private int _removed;

    /// <summary>Number of interactions added and not removed.</summary>
    public long Interactions => _count - _removed;

    /// <summary>Adds one interaction; pairs with a total weight of zero or less are left out of the matrix.</summary>
    public void Add(string userId, string itemId, float weight)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(itemId);
        if (!float.IsFinite(weight))
        {
            throw new ArgumentException($"weight must be finite (was {weight}).", nameof(weight));
        }

        if (_count == _userOf.Length)
        {
            Grow();
        }

        _userOf[_count] = IndexOf(_users, userId, null);
        _itemOf[_count] = IndexOf(_items, itemId, _itemIds);
        _weightOf[_count] = weight;
        _count++;
    }

    /// <summary>
    /// Takes every interaction of <paramref name="userId"/> out of the matrix (an erased user): their weights become
    /// zero, which <see cref="Build"/> leaves out, so a kept builder drops them without reading the log again.
    /// Returns how many were removed.
    /// </summary>
    public int RemoveUser(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (!_users.TryGetValue(userId, out var user))
        {
            return 0;
        }

        var removed = 0;
        var users = _userOf.AsSpan(0, _count);
        for (var i = 0; i < users.Length; i++)
        {
            if (users[i] == user && _weightOf[i] != 0f)
            {
                _weightOf[i] = 0f;
                removed++;
            }
        }

        _removed += removed;
        return removed;
    }

    /// <summary>The user × item matrix over the pairs with a positive total weight (columns sorted within a row), and its item ids.</summary>
    public (RatingMatrix Matrix, string[] ItemIds, int Users) Build()
    {
        // Counting sort by user, then each row's repeated items summed in place and the rows packed to the front.
        int rows = _users.Count;
        var pointers = new int[rows + 1];
        foreach (var user in _userOf.AsSpan(0, _count)) pointers[user + 1]++;
        for (int r = 0; r < rows; r++) pointers[r + 1] += pointers[r];
        var next = pointers.AsSpan(0, rows).ToArray();
        var columns = new int[_count];
        var values = new float[_count];
        for (int i = 0; i < _count; i++)
        {
            int at = next[_userOf[i]]++;
            columns[at] = _itemOf[i];
            values[at] = _weightOf[i];
        }

        int written = 0;
        for (int r = 0; r < rows; r++)
        {
            int start = pointers[r], end = pointers[r + 1];
            int kept = SparseEntries.SumRepeats(columns.AsSpan(start, end - start), values.AsSpan(start, end - start));
            columns.AsSpan(start, kept).CopyTo(columns.AsSpan(written));
            values.AsSpan(start, kept).CopyTo(values.AsSpan(written));
            pointers[r] = written;
            written += kept;
        }

        pointers[rows] = written;
        var matrix = new RatingMatrix(rows, _items.Count, pointers, columns.AsSpan(0, written).ToArray(), values.AsSpan(0, written).ToArray());
        return (matrix, [.. _itemIds], rows);
    }

    private void Grow()
    {
        if (_userOf.Length == Array.MaxLength)
        {
            throw new InvalidOperationException($"A matrix builder holds at most {Array.MaxLength:N0} interactions.");
        }

        int capacity = (int)Math.Min(2L * _userOf.Length, Array.MaxLength);
        Array.Resize(ref _userOf, capacity);
        Array.Resize(ref _itemOf, capacity);
        Array.Resize(ref _weightOf, capacity);
    }

    private static int IndexOf(Dictionary<string, int> map, string id, List<string>? ids)
    {
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(map, id, out var exists);
        if (!exists)
        {
            index = map.Count - 1;
            ids?.Add(id);
        }

        return index;
    }
}
