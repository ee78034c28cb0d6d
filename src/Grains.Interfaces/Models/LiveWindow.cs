namespace AIaaS.Grains.Interfaces.Models;

/// <summary>When a live item may be recommended: boosted inside the window, never after it.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.LiveWindow")]
public sealed record LiveWindow(
    [property: Id(0)] string ItemId,
    [property: Id(1)] DateTimeOffset? From,
    [property: Id(2)] DateTimeOffset? Until);
