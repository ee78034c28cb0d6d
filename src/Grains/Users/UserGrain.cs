using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.InteractionLog;
using AIaaS.Grains.Items;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Storage;
using AIaaS.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Users;

/// <summary>
/// One end user. The interaction log is the durable record: an event is acknowledged once it is
/// there, and only then applied here. This grain's own state is a cache of the log, saved a while
/// after it changes and on deactivation; on activation, and before each save, it catches up with the log (the
/// user's events after its applied watermark, an index read), so nothing acknowledged is lost if a silo
/// dies or an apply never arrives. Recommendations read only this grain's state and the silo's trending
/// cache, so a request after an acknowledged event sees that event.
/// </summary>
public sealed class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    IOptions<EngineOptions> options,
    ModelCatalog catalog,
    Recommender recommender,
    EngineMetrics metrics,
    StateSaving saving,
    ResidentUsers residents,
    IInteractionLogStore log,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private const int CatchUpAfter = 256;
    private readonly EngineOptions _options = options.Value;
    private DeferredSave? _save;
    private ResidentUsers.Resident? _resident;

    private string UserId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _save = saving.Deferred(this, _options.UserSaveInterval, cancellation => SaveAsync(deactivating: false, cancellation));
        UserHistory.Compact(state.State);

        // Events acknowledged but not yet applied here: the ingest path's events for a user that was not
        // active, or events whose application a silo failure cut short.
        await CatchUpAsync(cancellationToken);
        _resident = residents.Admit(GrainContext);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _resident?.Release();
        _save?.Dispose();
        if (saving.OnDeactivation(reason))
        {
            await SaveAsync(deactivating: true, cancellationToken);
        }
    }

    public async ValueTask<int> TrackAsync(ImmutableArray<InteractionEvent> events)
    {
        _resident?.Touch();
        EventRules.ThrowIfInvalid(EventRules.CheckBatch(events), nameof(events));
        EnsureOwn(events.Select(e => e.UserId), nameof(events));

        var appended = await Log().AppendAsync(events);
        var updates = Apply(appended.Events);
        metrics.EventsIngested(events.Length - appended.Duplicates);
        await ItemUpdates.SendAsync(GrainFactory, updates);
        return events.Length - appended.Duplicates;
    }

    public ValueTask<ImmutableArray<ItemUpdate>> ApplyLoggedAsync(ImmutableArray<LoggedEvent> events)
    {
        _resident?.Touch();
        EnsureOwn(events.Select(e => e.Event.UserId), nameof(events));
        return ValueTask.FromResult(Apply(events));
    }

    public async ValueTask<Recommendations> RecommendAsync(RecommendationRequest request)
    {
        _resident?.Touch();
        // A refold alone is not saved: the vector follows from the history and the model, and folding it in again on
        // the next activation costs less than writing every user once more after each new model.
        var ranked = await recommender.RecommendAsync(state.State, request);
        return ranked with { UserId = UserId };
    }

    public async ValueTask<UserProfile> GetProfileAsync()
    {
        _resident?.Touch();
        var user = state.State;
        var model = catalog.Current;
        if (model is not null && user.EmbeddingVersion != model.Version)
        {
            UserEmbedding.Refresh(user, model, _options);
        }

        var stored = await log.ReadUserAsync(UserId, user.ErasedThrough, CancellationToken.None);
        return new UserProfile(UserId, [.. user.History.Select(entry => entry.ToEvent(UserId))], user.Seen.Count, user.Counts.ToImmutableDictionary(),
            HasVector: model is not null && user.Embedding is not null, model?.Version, [.. stored.Select(logged => logged.Event)]);
    }

    public async ValueTask ForgetAsync()
    {
        // The log grain erases after the appends queued before it; what is erased is never applied again here
        // (the erasure point is kept, nothing else), and the items take back what these events told them.
        var erased = await Log().ForgetUserAsync(UserId);
        var through = Math.Max(erased.ErasedThrough, state.State.ErasedThrough);
        state.State = new UserState { ErasedThrough = through, AppliedThrough = through };
        await state.WriteStateAsync();
        _save!.Saved();
        await ItemUpdates.ForgetAsync(GrainFactory, UserId, UserHistory.Contributions(erased.Events, _options));
        Grains.Log.UserForgotten(logger, UserId, erased.Events.Length);
    }

    /// <summary>Applies what the log holds for this user beyond the applied watermark, then moves the watermark to the log's end.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var user = state.State;
        var missed = await log.ReadUserAsync(UserId, Math.Max(user.AppliedThrough, user.ErasedThrough), cancellationToken);
        var updates = Apply(missed);

        // The log was read to its end: whatever is applied above it (events erased since) is settled too.
        var through = Math.Max(missed.Length > 0 ? missed[^1].Sequence : user.AppliedThrough, user.AppliedAbove.Count > 0 ? user.AppliedAbove.Max() : user.AppliedThrough);
        if (through > user.AppliedThrough)
        {
            UserHistory.CaughtUp(user, through);
            _save!.Changed();
        }

        await ItemUpdates.SendAsync(GrainFactory, updates);
    }

    private IInteractionLogGrain Log() =>
        GrainFactory.GetGrain<IInteractionLogGrain>(LogPartitioner.PartitionOf(UserId, _options.LogPartitions));

    private void EnsureOwn(IEnumerable<string> userIds, string paramName)
    {
        foreach (var userId in userIds)
        {
            if (!string.Equals(userId, UserId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"An event of user '{userId}' was sent to user '{UserId}'.", paramName);
            }
        }
    }

    /// <summary>Applies logged events not applied yet (a replay and a late apply can both deliver one).</summary>
    private ImmutableArray<ItemUpdate> Apply(ImmutableArray<LoggedEvent> events)
    {
        var user = state.State;
        var updates = UserHistory.Apply(user, events, _options);
        if (updates.Count == 0)
        {
            return [];
        }

        _save!.Changed();
        if (catalog.Current is { } model)
        {
            // The next request must reflect these events: fold them into the embedding before returning.
            UserEmbedding.Refresh(user, model, _options);
            if (user.Embedding is { } vector)
            {
                // Items the model does not know learn their vector from the users who consume them.
                for (var i = 0; i < updates.Count; i++)
                {
                    if (model.IndexOf(updates[i].ItemId) < 0)
                    {
                        updates[i] = updates[i] with { Interaction = updates[i].Interaction with { UserVector = [.. vector], ModelVersion = model.Version, UserId = UserId } };
                    }
                }
            }
        }

        return [.. updates];
    }

    /// <summary>
    /// Saves when dirty. Catching up with the log (an index read) moves the applied watermark and empties the applied
    /// set; it runs on deactivation and once the set has grown past <see cref="CatchUpAfter"/>, not on every tick: the
    /// activation's catch-up already replays whatever an apply missed, so the periodic read would only shrink the set.
    /// </summary>
    private async Task SaveAsync(bool deactivating, CancellationToken cancellationToken)
    {
        if (state.State.AppliedAbove.Count > (deactivating ? 0 : CatchUpAfter))
        {
            await CatchUpAsync(cancellationToken);
        }

        if (_save!.IsChanged)
        {
            // Cleared only once written: a failed save leaves the state changed, and the timer armed again.
            await state.WriteStateAsync(cancellationToken);
            _save.Saved();
        }
    }
}
