using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Options;

/// <summary>Behaviour of the engine's grains, bound from the configuration section <see cref="Section"/>.</summary>
public sealed class EngineOptions
{
    public const string Section = "AIaaS:Engine";

    /// <summary>Events kept in a user's recent history; older ones stay in the interaction log.</summary>
    public int HistoryLength { get; set; } = 500;

    /// <summary>Half-life of an item's popularity: an event this old weighs half as much as one now.</summary>
    public TimeSpan PopularityHalfLife { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Items in the cluster's trending list; the pool that fallback recommendations are drawn from.</summary>
    public int TrendingSize { get; set; } = 1000;

    /// <summary>How often each silo publishes its top items and refreshes its copy of the trending list.</summary>
    public TimeSpan TrendingPublishInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the cluster's trending list is saved when it changed (and on deactivation). It is what a new user
    /// is served after every silo restarted, until new events rebuild it; a crash loses at most this much of it.
    /// </summary>
    public TimeSpan TrendingSaveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Partitions of the interaction log. Changing it on an existing deployment strands old entries.</summary>
    public int LogPartitions { get; set; } = 16;

    /// <summary>How many of a user's previous items an event counts as co-consumed with the new one.</summary>
    public int CoOccurrenceWindow { get; set; } = 32;

    /// <summary>Co-consumed items an item keeps counts for; the least frequent are dropped past twice this.</summary>
    public int CoOccurrenceCapacity { get; set; } = 500;

    /// <summary>
    /// How long after its history first changes a user grain saves its state (and, past 256 out-of-order applies,
    /// catches up with the log first); a grain with nothing new holds no timer. The interaction log already holds every
    /// acknowledged event and a user grain replays what it had not saved, so this trades storage writes against
    /// replay work after a crash, never against data loss.
    /// </summary>
    public TimeSpan UserSaveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// User grains a silo keeps active at most; past it, each newly activated user makes the least recently called one
    /// deactivate (saving its state first; <see cref="Users.ResidentUsers"/>). 0, the default, bounds nothing and
    /// leaves users to Orleans' idle collection. Size it to the users active within minutes: a bound below them
    /// turns requests into re-activations, each a state read and a log read, and deactivations into a log read and a state write.
    /// </summary>
    public int MaxActiveUsers { get; set; }

    /// <summary>
    /// Whether grains save their state when the silo shuts down. Off for in-memory storage, whose
    /// contents die with the process anyway (and whose storage grains are already gone by then).
    /// </summary>
    public bool SaveStateOnShutdown { get; set; } = true;

    /// <summary>How long after its counts first change an item grain saves its popularity and co-occurrence counts (derived data, rebuilt from the log if lost).</summary>
    public TimeSpan ItemFlushInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Interactions an item unknown to the model needs before it gets a vector and can be recommended.</summary>
    public int NewItemMinInteractions { get; set; } = 3;

    /// <summary>
    /// How many of the newest catalog items the model does not know get a vector from their metadata (the model's
    /// content map) and are blended into every answer; 0 turns content-based cold start off.
    /// </summary>
    public int ColdItemCapacity { get; set; } = 1000;

    /// <summary>Users' vectors an unknown item keeps to fold itself in; the oldest are dropped past this.</summary>
    public int NewItemEvidenceCapacity { get; set; } = 200;

    /// <summary>Factor by which an item's score is raised while it is inside its live window.</summary>
    public double LiveBoost { get; set; } = 1.5;

    /// <summary>
    /// How often each silo renews its subscription to new model versions, checks the current version (in case a
    /// notification was lost) and refreshes the catalog delta (new items' vectors, live windows).
    /// </summary>
    public TimeSpan ModelRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a silo's subscription to new model versions lasts unless renewed.</summary>
    public TimeSpan ModelSubscriptionLifetime =>
        TimeSpan.FromTicks(5 * Math.Clamp(ModelRefreshInterval.Ticks, TimeSpan.FromSeconds(12).Ticks, TimeSpan.FromDays(7).Ticks));

    /// <summary>
    /// Weight of each event type, in item popularity and as the preference value the model trains and
    /// folds in on; a rating weighs its value (1–5) times this. Zero leaves the event type out (skips).
    /// </summary>
    public Dictionary<EventType, double> Weights { get; set; } = new()
    {
        [EventType.Play] = 1.0,
        [EventType.View] = 0.5,
        [EventType.Like] = 2.0,
        [EventType.Skip] = 0.0,
        [EventType.Rating] = 1.0,
        [EventType.Purchase] = 3.0,
    };

    public double WeightOf(InteractionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return WeightOf(e.Type, e.Value);
    }

    /// <summary>The weight of an event of <paramref name="type"/> with <paramref name="value"/> (a rating scales its type's weight).</summary>
    public double WeightOf(EventType type, float? value)
    {
        var weight = Weights.TryGetValue(type, out var w) ? w : 0.0;
        return type == EventType.Rating && value is { } rating ? weight * rating : weight;
    }
}
