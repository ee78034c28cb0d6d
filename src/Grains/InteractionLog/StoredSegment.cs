using System.Diagnostics.CodeAnalysis;

namespace AIaaS.Grains.InteractionLog;

/// <summary>A log segment with the storage etag it was read or last written with.</summary>
internal sealed class StoredSegment : IGrainState<LogSegment>
{
    private LogSegment _state = new();

    // Storage sets null when no record exists; an absent segment reads as an empty one.
    [AllowNull]
    public LogSegment State
    {
        get => _state;
        set => _state = value ?? new LogSegment();
    }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
