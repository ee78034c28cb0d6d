namespace AIaaS.Grains.Interfaces.Models;

/// <summary>The kinds of interaction an application reports. Wire names are the lower-case member names.</summary>
[GenerateSerializer, Alias("AIaaS.EventType")]
public enum EventType
{
    /// <summary>The user played or watched the item.</summary>
    Play = 0,
    /// <summary>The user viewed the item's page (weight 0.5 by default).</summary>
    View = 1,
    /// <summary>The user liked the item.</summary>
    Like = 2,
    /// <summary>The user skipped the item (weight 0 by default).</summary>
    Skip = 3,
    /// <summary>The user rated the item from 1 to 5 (the event's value).</summary>
    Rating = 4,
    /// <summary>The user bought the item (weight 3 by default, the strongest).</summary>
    Purchase = 5,
}
