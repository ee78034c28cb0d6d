using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Grains.Interfaces;

/// <summary>One end user: recent history, seen set and per-type counts; the entry point for ingest and recommendations.</summary>
[Alias("AIaaS.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Validates the whole batch, appends it durably to the interaction log, then applies it. Returns the number of new events (repeats of a stored event id are not counted).</summary>
    [Alias("Track")]
    ValueTask<int> TrackAsync(ImmutableArray<InteractionEvent> events);

    /// <summary>
    /// Applies events that are already in the interaction log (the ingest path appended them). Events
    /// whose sequence the user has already applied, or that an erasure removed, are skipped. Returns what the items must record.
    /// </summary>
    [Alias("ApplyLogged")]
    ValueTask<ImmutableArray<ItemUpdate>> ApplyLoggedAsync(ImmutableArray<LoggedEvent> events);

    /// <summary>A page of recommendations for the user; items the user interacted with are never returned.</summary>
    [Alias("Recommend")]
    ValueTask<Recommendations> RecommendAsync(RecommendationRequest request);

    /// <summary>What the engine holds of the user: recent history, counts, vector state and every event the log stores.</summary>
    [Alias("GetProfile")]
    ValueTask<UserProfile> GetProfileAsync();

    /// <summary>Erases the user's history, seen set, interaction log entries and what items learned from them.</summary>
    [Alias("Forget")]
    ValueTask ForgetAsync();
}
