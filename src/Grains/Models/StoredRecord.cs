using System.Diagnostics.CodeAnalysis;

namespace AIaaS.Grains.Models;

/// <summary>One record of a grain-storage model store (a chunk, the version index) with the etag it was read or written with.</summary>
internal sealed class StoredRecord<T> : IGrainState<T>
    where T : new()
{
    private T _state = new();

    // Storage sets null when no record exists; an absent record reads as an empty one.
    [AllowNull]
    public T State
    {
        get => _state;
        set => _state = value ?? new T();
    }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
