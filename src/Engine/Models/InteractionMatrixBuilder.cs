using System.Runtime.InteropServices;
using AIaaS.Engine.Data;

namespace AIaaS.Engine.Models;

/// <summary>
/// Collects (user, item, weight) triples with string ids and builds the user × item matrix that ALS trains on,
/// with the id maps; repeated pairs sum their weights. The triples are kept as dense indices in flat arrays,
/// so adding costs two id lookups and an append, and a builder can keep growing after <see cref="Build()"/>:
/// the retraining grain adds only the log's new events before the next training. Several builders filled in
/// parallel (one per log partition, sharing an <see cref="ItemIdIndex"/>) build one matrix together with
/// <see cref="Build(IReadOnlyList{InteractionMatrixBuilder})"/>. A builder takes one caller at a time.
/// </summary>
public sealed class InteractionMatrixBuilder
{
    private readonly Dictionary<string, int> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _usersBySpan;
    private readonly List<string> _userIds = [];
    private readonly ItemIdIndex _items;
    private int[] _userOf = new int[1024];
    private int[] _itemOf = new int[1024];
    private float[] _weightOf = new float[1024];
    private int _count;
    private int _removed;

    /// <summary>An empty builder; with <paramref name="items"/>, it numbers items in that index, shared with other builders.</summary>
    public InteractionMatrixBuilder(ItemIdIndex? items = null)
    {
        _usersBySpan = _users.GetAlternateLookup<ReadOnlySpan<char>>();
        _items = items ?? new ItemIdIndex();
    }

    /// <summary>Number of interactions added and not removed.</summary>
    public long Interactions => _count - _removed;

    /// <summary>Adds one interaction; pairs with a total weight of zero or less are left out of the matrix.</summary>
    public void Add(string userId, string itemId, float weight)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(itemId);
        Add(userId.AsSpan(), itemId.AsSpan(), weight);
    }

    /// <summary>
    /// Adds one interaction whose ids are character spans (a row as a store decoded it): a string is made only for an
    /// id the builder has not seen. Pairs with a total weight of zero or less are left out of the matrix.
    /// </summary>
    public void Add(ReadOnlySpan<char> userId, ReadOnlySpan<char> itemId, float weight)
    {
        // Checked before the ids are numbered: a refused interaction leaves no user or item behind.
        EnsureFinite(weight);
        Append(UserIndexOf(userId), _items.IndexOf(itemId), weight);
    }

    /// <summary>
    /// The builder's number for <paramref name="userId"/>, given now if it has not seen the id: with
    /// <see cref="IndexOfItem"/> and <see cref="Add(int, int, float)"/>, a caller that numbers ids itself (a store's
    /// integer keys) looks each id up once instead of once per interaction.
    /// </summary>
    public int IndexOfUser(ReadOnlySpan<char> userId) => UserIndexOf(userId);

    /// <summary>The number of <paramref name="itemId"/> in the builder's item index, given now if it has not seen the id.</summary>
    public int IndexOfItem(ReadOnlySpan<char> itemId) => _items.IndexOf(itemId);

    /// <summary>
    /// Adds one interaction of the user and item the builder numbered <paramref name="user"/> and <paramref name="item"/>
    /// (<see cref="IndexOfUser"/>, <see cref="IndexOfItem"/>). Pairs with a total weight of zero or less are left out of the matrix.
    /// </summary>
    public void Add(int user, int item, float weight)
    {
        EnsureFinite(weight);
        if ((uint)user >= (uint)_userIds.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(user), user, $"user must be a number this builder gave (0–{_userIds.Count - 1}).");
        }

        if ((uint)item >= (uint)_items.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(item), item, $"item must be a number the item index gave (0–{_items.Count - 1}).");
        }

        Append(user, item, weight);
    }

    /// <summary>
    /// Takes every interaction of <paramref name="userId"/> out of the matrix (an erased user): their weights become
    /// zero, which <see cref="Build()"/> leaves out, so a kept builder drops them without reading the log again.
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
    public (RatingMatrix Matrix, string[] ItemIds, int Users) Build() => Build([this]);

    /// <summary>
    /// One matrix over the interactions of all <paramref name="parts"/>, as if one builder had been given them in
    /// order: a user or item id in several parts is one row or column, and its repeated pairs sum. Users are numbered
    /// in the order the parts, one after another, first saw them; items so too, or as their shared index numbers them.
    /// </summary>
    public static (RatingMatrix Matrix, string[] ItemIds, int Users) Build(IReadOnlyList<InteractionMatrixBuilder> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        long total = 0;
        foreach (var part in parts)
        {
            total += part._count;
        }

        if (total > Array.MaxLength)
        {
            throw new InvalidOperationException($"A matrix holds at most {Array.MaxLength:N0} interactions ({total:N0} added).");
        }

        // One part keeps its own numbering, and parts that share an item index its item numbers; anything else is
        // renumbered through merged id maps.
        var (userMaps, rows) = MergeIds(parts, part => part._userIds, null);
        var shared = parts.Count > 0 && parts.All(part => part._items == parts[0]._items);
        List<string> itemIds = shared ? [.. parts[0]._items.ToArray()] : [];
        var (itemMaps, columnCount) = shared ? (new int[]?[parts.Count], itemIds.Count) : MergeIds(parts, part => part._items.ToArray(), itemIds);

        // Counting sort by user, then each row's repeated items summed in place and the rows packed to the front.
        var pointers = new int[rows + 1];
        for (int p = 0; p < parts.Count; p++)
        {
            var map = userMaps[p];
            foreach (var user in parts[p]._userOf.AsSpan(0, parts[p]._count)) pointers[Renumber(map, user) + 1]++;
        }

        for (int r = 0; r < rows; r++) pointers[r + 1] += pointers[r];
        var next = pointers.AsSpan(0, rows).ToArray();
        var columns = new int[total];
        var values = new float[total];
        for (int p = 0; p < parts.Count; p++)
        {
            var (part, users, items) = (parts[p], userMaps[p], itemMaps[p]);
            for (int i = 0; i < part._count; i++)
            {
                int at = next[Renumber(users, part._userOf[i])]++;
                columns[at] = Renumber(items, part._itemOf[i]);
                values[at] = part._weightOf[i];
            }
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
        var matrix = new RatingMatrix(rows, columnCount, pointers, columns.AsSpan(0, written).ToArray(), values.AsSpan(0, written).ToArray());
        return (matrix, [.. itemIds], rows);
    }

    /// <summary>Per part, its local index → merged index (null: unchanged), and the number of merged ids; <paramref name="merged"/> gets them in order.</summary>
    private static (int[]?[] Maps, int Count) MergeIds(IReadOnlyList<InteractionMatrixBuilder> parts, Func<InteractionMatrixBuilder, IReadOnlyList<string>> idsOf, List<string>? merged)
    {
        var maps = new int[]?[parts.Count];
        if (parts.Count == 1)
        {
            merged?.AddRange(idsOf(parts[0]));
            return (maps, idsOf(parts[0]).Count);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int p = 0; p < parts.Count; p++)
        {
            var ids = idsOf(parts[p]);
            var map = maps[p] = new int[ids.Count];
            for (int i = 0; i < ids.Count; i++)
            {
                ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(index, ids[i], out var exists);
                if (!exists)
                {
                    at = index.Count - 1;
                    merged?.Add(ids[i]);
                }

                map[i] = at;
            }
        }

        return (maps, index.Count);
    }

    private static int Renumber(int[]? map, int local) => map is null ? local : map[local];

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

    private static void EnsureFinite(float weight)
    {
        if (!float.IsFinite(weight))
        {
            throw new ArgumentException($"weight must be finite (was {weight}).", nameof(weight));
        }
    }

    private void Append(int user, int item, float weight)
    {
        if (_count == _userOf.Length)
        {
            Grow();
        }

        _userOf[_count] = user;
        _itemOf[_count] = item;
        _weightOf[_count] = weight;
        _count++;
    }

    private int UserIndexOf(ReadOnlySpan<char> id)
    {
        if (_usersBySpan.TryGetValue(id, out var index))
        {
            return index;
        }

        var key = id.ToString();
        index = _userIds.Count;
        _users.Add(key, index);
        _userIds.Add(key);
        return index;
    }
}
