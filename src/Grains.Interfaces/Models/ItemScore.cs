namespace AIaaS.Grains.Interfaces.Models;

/// <summary>
/// An item's time-decayed popularity as a logarithm referred to a fixed epoch, so that scores taken at
/// different times compare directly without decaying them again.
/// </summary>
[GenerateSerializer, Immutable, Alias("AIaaS.ItemScore")]
public sealed record ItemScore(
    [property: Id(0)] string ItemId,
    [property: Id(1)] double LogScore);
