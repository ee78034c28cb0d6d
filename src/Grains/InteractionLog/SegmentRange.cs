using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.InteractionLog;

/// <summary>Which sequence numbers a segment holds, so that reads skip segments without loading them.</summary>
internal readonly record struct SegmentRange(int Number, long First, long Last, bool IsEmpty)
{
    public static SegmentRange Empty(int number) => new(number, 0, -1, true);

    public static SegmentRange Of(int number, List<LoggedEvent> events) =>
        events.Count == 0 ? Empty(number) : new(number, events[0].Sequence, events[^1].Sequence, false);
}
