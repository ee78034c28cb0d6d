using AIaaS.Engine.Data;

namespace AIaaS.Engine.Models;

/// <summary>
/// Collects (user, item, weight) triples with string ids, summing the weights of repeated pairs, and
/// builds the user × item matrix that ALS trains on together with the id maps.
/// </summary>
public sealed class InteractionMatrixBuilder
{
    private readonly Dictionary<string, int> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _items = new(StringComparer.Ordinal);
    private readonly List<string> _itemIds = [];
    private readonly Dictionary<(int User, int Item), float> _weights = [];

    /// <summary>Number of interactions added.</summary>
    public long Interactions { get; private set; }

    /// <summary>Adds one interaction; pairs with a total weight of zero or less are left out of the matrix.</summary>
    public void Add(string userId, string itemId, float weight)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(itemId);
        if (!float.IsFinite(weight))
        {
            throw new ArgumentException($"weight must be finite (was {weight}).", nameof(weight));
        }

        var user = IndexOf(_users, userId, null);
        var item = IndexOf(_items, itemId, _itemIds);
        _weights[(user, item)] = _weights.GetValueOrDefault((user, item)) + weight;
        Interactions++;
    }

    /// <summary>The user × item matrix over users and items that have a positive weight, and its item ids.</summary>
    public (RatingMatrix Matrix, string[] ItemIds, int Users) Build()
    {
        var rows = new List<int>(_weights.Count);
        var columns = new List<int>(_weights.Count);
        var values = new List<float>(_weights.Count);
        foreach (var ((user, item), weight) in _weights)
        {
            if (weight > 0)
            {
                rows.Add(user);
                columns.Add(item);
                values.Add(weight);
            }
        }

        var matrix = RatingMatrix.FromCoordinates(_users.Count, _items.Count,
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(columns),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
        return (matrix, [.. _itemIds], _users.Count);
    }

    private static int IndexOf(Dictionary<string, int> map, string id, List<string>? ids)
    {
        if (!map.TryGetValue(id, out var index))
        {
            map[id] = index = map.Count;
            ids?.Add(id);
        }

        return index;
    }
}
