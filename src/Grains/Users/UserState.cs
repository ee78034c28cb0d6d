using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Users;

[GenerateSerializer, Alias("AIaaS.UserState")]
public sealed class UserState
{
    /// <summary>
    /// The history as states saved before <see cref="History"/> held it (whole logged events); read once on activation
    /// into <see cref="History"/> (<see cref="UserHistory.Compact"/>) and null from then on.
    /// </summary>
    [Id(0)]
    public List<LoggedEvent>? LegacyRecent { get; set; }

    /// <summary>Most recent last, bounded by the configured history length; each with its log sequence number.</summary>
    [Id(8)]
    public List<HistoryEntry> History { get; set; } = [];

    /// <summary>Every item the user has interacted with; never recommended back.</summary>
    [Id(1)]
    public HashSet<string> Seen { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public Dictionary<EventType, long> Counts { get; set; } = [];

    /// <summary>
    /// Every event of this user in the log with a sequence up to this one is applied. It moves only when the grain
    /// catches up with the log (on activation and before a save), never with an apply: applies can arrive out of order.
    /// </summary>
    [Id(3)]
    public long AppliedThrough { get; set; } = -1;

    /// <summary>The user's vector in the model named by <see cref="EmbeddingVersion"/>; null without a model or known items.</summary>
    [Id(4)]
    public float[]? Embedding { get; set; }

    [Id(5)]
    public long EmbeddingVersion { get; set; }

    /// <summary>Sequences above <see cref="AppliedThrough"/> already applied: the de-duplication set, independent of how much history is kept.</summary>
    [Id(6)]
    public HashSet<long> AppliedAbove { get; set; } = [];

    /// <summary>The partition's last sequence when the user was forgotten: nothing at or below it is applied again, from any path.</summary>
    [Id(7)]
    public long ErasedThrough { get; set; } = -1;
}
