using System.Collections.Immutable;
using System.Diagnostics;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.InteractionLog;
using AIaaS.Grains.Options;
using AIaaS.Grains.Telemetry;
using AIaaS.Grains.Trending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Users;

/// <summary>
/// One end user. Ingest order: validate the batch, append it to the durable log (the acknowledgement),
/// apply it to the user's own state, then tell the items. Recommendations read only this grain's state
/// and the silo's trending cache, so a request after an acknowledged event sees that event.
/// </summary>
public sealed class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    IOptions<EngineOptions> options,
    TrendingCache trending,
    EngineMetrics metrics,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private readonly EngineOptions _options = options.Value;

    private string UserId => this.GetPrimaryKeyString();

    public async ValueTask<int> TrackAsync(ImmutableArray<InteractionEvent> events)
    {
        EventRules.ThrowIfInvalid(EventRules.CheckBatch(events), nameof(events));
        foreach (var e in events)
        {
            if (!string.Equals(e.UserId, UserId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"An event of user '{e.UserId}' was sent to user '{UserId}'.", nameof(events));
            }
        }

        await Log().AppendAsync(events);
        var interactions = Apply(events);
        await state.WriteStateAsync();
        metrics.EventsIngested(events.Length);

        var notifications = new List<Task>(interactions.Count);
        foreach (var (itemId, interaction) in interactions)
        {
            notifications.Add(GrainFactory.GetGrain<IItemGrain>(itemId).RecordAsync(interaction).AsTask());
        }

        await Task.WhenAll(notifications);
        return events.Length;
    }

    public ValueTask<Recommendations> RecommendAsync(RecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        EventRules.ThrowIfInvalid(EventRules.CheckCount(request.Count, nameof(request.Count)), nameof(request));
        var started = Stopwatch.GetTimestamp();
        var items = TrendingRecommender.Recommend(trending.Current, state.State.Seen, request);
        metrics.RecommendationServed("trending", Stopwatch.GetElapsedTime(started));
        return ValueTask.FromResult(new Recommendations(UserId, null, items));
    }

    public ValueTask<UserProfile> GetProfileAsync()
    {
        var user = state.State;
        return ValueTask.FromResult(new UserProfile(UserId, [.. user.Recent], user.Seen.Count, user.Counts.ToImmutableDictionary()));
    }

    public async ValueTask ForgetAsync()
    {
        var erased = await Log().ForgetUserAsync(UserId);
        await state.ClearStateAsync();
        state.State = new UserState();
        Grains.Log.UserForgotten(logger, UserId, erased);
        DeactivateOnIdle();
    }

    private IInteractionLogGrain Log() =>
        GrainFactory.GetGrain<IInteractionLogGrain>(LogPartitioner.PartitionOf(UserId, _options.LogPartitions));

    private List<(string ItemId, ItemInteraction Interaction)> Apply(ImmutableArray<InteractionEvent> events)
    {
        var user = state.State;
        var interactions = new List<(string, ItemInteraction)>(events.Length);
        foreach (var e in events)
        {
            interactions.Add((e.ItemId, new ItemInteraction(_options.WeightOf(e), e.Timestamp, RecentItems(user.Recent, e.ItemId))));
            user.Recent.Add(e);
            user.Seen.Add(e.ItemId);
            user.Counts[e.Type] = user.Counts.GetValueOrDefault(e.Type) + 1;
        }

        if (user.Recent.Count > _options.HistoryLength)
        {
            user.Recent.RemoveRange(0, user.Recent.Count - _options.HistoryLength);
        }

        return interactions;
    }

    /// <summary>The distinct items of the latest events, newest first, up to the co-occurrence window.</summary>
    private ImmutableArray<string> RecentItems(List<InteractionEvent> recent, string except)
    {
        var window = _options.CoOccurrenceWindow;
        var items = ImmutableArray.CreateBuilder<string>(Math.Min(window, recent.Count));
        for (var i = recent.Count - 1; i >= 0 && items.Count < window; i--)
        {
            var item = recent[i].ItemId;
            if (recent[i].Type != EventType.Skip && !string.Equals(item, except, StringComparison.Ordinal) && !items.Contains(item))
            {
                items.Add(item);
            }
        }

        return items.ToImmutable();
    }
}
