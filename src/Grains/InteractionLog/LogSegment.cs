using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.InteractionLog;

/// <summary>One stored chunk of a log partition; a write replaces one segment, never the whole log.</summary>
[GenerateSerializer, Alias("AIaaS.LogSegment")]
public sealed class LogSegment
{
    [Id(0)]
    public List<LoggedEvent> Events { get; set; } = [];
}
