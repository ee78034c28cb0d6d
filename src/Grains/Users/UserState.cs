using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Users;

[GenerateSerializer, Alias("AIaaS.UserState")]
public sealed class UserState
{
    /// <summary>Most recent last, bounded by the configured history length.</summary>
    [Id(0)]
    public List<InteractionEvent> Recent { get; set; } = [];

    /// <summary>Every item the user has interacted with; never recommended back.</summary>
    [Id(1)]
    public HashSet<string> Seen { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public Dictionary<EventType, long> Counts { get; set; } = [];
}
