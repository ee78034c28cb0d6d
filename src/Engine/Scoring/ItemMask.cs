using System.Numerics;

namespace AIaaS.Engine.Scoring;

/// <summary>
/// The items a request may return, as a bitset over a model's dense item indices. Immutable once built, so one
/// mask can be shared by every request that asks the same thing of the same catalog.
/// </summary>
public sealed class ItemMask
{
    private readonly ulong[] _bits;

    private ItemMask(ulong[] bits, int items, object? model)
    {
        _bits = bits;
        Items = items;
        Model = model;
        foreach (var word in bits) Count += BitOperations.PopCount(word);
    }

    /// <summary>How many item indices the mask spans.</summary>
    public int Items { get; }

    /// <summary>The model whose item indices the mask speaks of, when its builder named one; a scorer of any other refuses it.</summary>
    public object? Model { get; }

    /// <summary>How many items it allows.</summary>
    public int Count { get; }

    internal ReadOnlySpan<ulong> Bits => _bits;

    /// <summary>Whether item <paramref name="index"/> is allowed.</summary>
    public bool Contains(int index) => (uint)index < (uint)Items && (_bits[index >> 6] & (1UL << index)) != 0;

    /// <summary>A mask built by the caller through <see cref="Builder"/>.</summary>
    public static Builder Create(int items, bool allowAll, object? model = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        return new Builder(items, allowAll, model);
    }

    /// <summary>Sets and clears bits, then freezes them into a mask; not thread-safe.</summary>
    public sealed class Builder
    {
        private readonly ulong[] _bits;
        private readonly int _items;
        private readonly object? _model;

        internal Builder(int items, bool allowAll, object? model)
        {
            _items = items;
            _model = model;
            _bits = new ulong[(items + 63) >> 6];
            if (allowAll)
            {
                Array.Fill(_bits, ulong.MaxValue);
                ClearTail();
            }
        }

        /// <summary>Allows item <paramref name="index"/> (out-of-range indices are ignored).</summary>
        public void Allow(int index)
        {
            if ((uint)index < (uint)_items) _bits[index >> 6] |= 1UL << index;
        }

        /// <summary>Denies item <paramref name="index"/> (out-of-range indices are ignored).</summary>
        public void Deny(int index)
        {
            if ((uint)index < (uint)_items) _bits[index >> 6] &= ~(1UL << index);
        }

        /// <summary>Keeps only what <paramref name="other"/> allows too.</summary>
        public void IntersectWith(ItemMask other)
        {
            ArgumentNullException.ThrowIfNull(other);
            if (other.Items != _items) ThrowHelper.Argument($"The mask spans {other.Items} items, not {_items}.", nameof(other));
            for (int w = 0; w < _bits.Length; w++) _bits[w] &= other._bits[w];
        }

        /// <summary>Adds what <paramref name="other"/> allows.</summary>
        public void UnionWith(ItemMask other)
        {
            ArgumentNullException.ThrowIfNull(other);
            if (other.Items != _items) ThrowHelper.Argument($"The mask spans {other.Items} items, not {_items}.", nameof(other));
            for (int w = 0; w < _bits.Length; w++) _bits[w] |= other._bits[w];
        }

        /// <summary>A mask of the bits as they are now; the builder may go on changing without affecting it.</summary>
        public ItemMask Build() => new((ulong[])_bits.Clone(), _items, _model);

        private void ClearTail()
        {
            int rest = _items & 63;
            if (rest != 0) _bits[^1] = (1UL << rest) - 1;
        }
    }
}
