using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Users;

[GenerateSerializer, Alias("AIaaS.UserState")]
public sealed class UserState
{
    /// <summary>Most recent last, bounded by the configured history length; each with its log sequence number.</summary>
    [Id(0)]
    public List<LoggedEvent> Recent { get; set; } = [];

    /// <summary>Every item the user has interacted with; never recommended back.</summary>
    [Id(1)]
    public HashSet<string> Seen { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public Dictionary<EventType, long> Counts { get; set; } = [];

    /// <summary>The highest log sequence number applied to this state; newer log entries are replayed on activation.</summary>
    [Id(3)]
    public long AppliedThrough { get; set; } = -1;

    /// <summary>The user's vector in the model named by <see cref="EmbeddingVersion"/>; null without a model or known items.</summary>
    [Id(4)]
    public float[]? Embedding { get; set; }

    [Id(5)]
    public long EmbeddingVersion { get; set; }
}
