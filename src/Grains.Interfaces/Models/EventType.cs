namespace AIaaS.Grains.Interfaces.Models;

/// <summary>The kinds of interaction an application reports. Wire names are the lower-case member names.</summary>
[GenerateSerializer, Alias("AIaaS.EventType")]
public enum EventType
{
    Play = 0,
    View = 1,
    Like = 2,
    Skip = 3,
    Rating = 4,
    Purchase = 5,
}
