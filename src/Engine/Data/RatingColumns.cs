namespace AIaaS.Engine.Data;

/// <summary>Growable parallel columns that the reader fills; one resize policy for all four.</summary>
internal sealed class RatingColumns(int capacity)
{
    private int[] _users = new int[Math.Max(capacity, 16)];
    private int[] _items = new int[Math.Max(capacity, 16)];
    private float[] _ratings = new float[Math.Max(capacity, 16)];
    private long[] _timestamps = new long[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public void Add(int user, int item, float rating, long timestamp)
    {
        if (Count == _users.Length) Grow();
        _users[Count] = user;
        _items[Count] = item;
        _ratings[Count] = rating;
        _timestamps[Count] = timestamp;
        Count++;
    }

    public RatingDataset ToDataset(string path) => new(
        _users.AsSpan(0, Count).ToArray(), _items.AsSpan(0, Count).ToArray(),
        _ratings.AsSpan(0, Count).ToArray(), _timestamps.AsSpan(0, Count).ToArray(), path);

    private void Grow()
    {
        var size = _users.Length * 2;
        Array.Resize(ref _users, size);
        Array.Resize(ref _items, size);
        Array.Resize(ref _ratings, size);
        Array.Resize(ref _timestamps, size);
    }
}
