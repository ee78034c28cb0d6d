namespace AIaaS.Grains.Interfaces.Models;

/// <summary>An acknowledged event as the interaction log holds it: the event and its sequence number in its partition.</summary>
[GenerateSerializer, Immutable, Alias("AIaaS.LoggedEvent")]
public sealed record LoggedEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] InteractionEvent Event);
