using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client;

/// <summary>
/// The application's view of the recommendation engine: report interactions, ask for recommendations and
/// similar items, describe items and erase users.
/// </summary>
/// <remarks>
/// Every method checks its arguments with the engine's own input rules (<c>EventRules</c>, <c>CatalogRules</c>) and throws
/// <see cref="ArgumentException"/> (<see cref="ArgumentNullException"/> for null) before anything leaves the
/// process, with the same words the HTTP API uses. Only what needs the cluster's data is left to the engine:
/// whether a category or tag of a <see cref="RecommendationQuery"/> is held by any item of the catalog. A
/// cancellation token stops the wait for the reply; a call that has already been sent may still be applied.
/// </remarks>
public interface IRecommendationClient
{
    /// <summary>Records one interaction and returns once the engine has acknowledged it durably.</summary>
    /// <param name="interaction">The interaction to record.</param>
    /// <param name="cancellationToken">Stops waiting for the acknowledgement.</param>
    /// <returns>The number of events accepted (1).</returns>
    Task<int> TrackAsync(InteractionEvent interaction, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a batch of at most <c>EventRules.MaxBatchSize</c> (10,000) interactions. The whole batch is
    /// validated first, so a bad event means none is sent. Events are grouped by user, in their order, and
    /// each user's events are applied atomically by that user's grain; users are sent in parallel.
    /// </summary>
    /// <param name="interactions">The interactions to record.</param>
    /// <param name="cancellationToken">Stops waiting for the acknowledgements.</param>
    /// <returns>The number of events accepted.</returns>
    Task<int> TrackAsync(IReadOnlyList<InteractionEvent> interactions, CancellationToken cancellationToken = default);

    /// <summary>Recommends items for a user; items the user has interacted with are never recommended back.</summary>
    /// <param name="userId">The user (1–256 characters).</param>
    /// <param name="count">How many items, 1–1000.</param>
    /// <param name="exclude">Items to leave out of the answer, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The recommendations, best first, with the model version that scored them.</returns>
    Task<Recommendations> RecommendAsync(
        string userId,
        int count = 10,
        IEnumerable<string>? exclude = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Recommends a page of items for a user, of the query's categories and tags; items the user has interacted with
    /// are never recommended back, nor hidden, deleted or unavailable items.
    /// </summary>
    /// <param name="userId">The user (1–256 characters).</param>
    /// <param name="query">How many items, from which position, of which categories and tags, leaving out which items.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The page of recommendations, best first, with the model version that scored them.</returns>
    Task<Recommendations> RecommendAsync(string userId, RecommendationQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Recommends items for an anonymous session (a viewer with no account, such as one watching a live event): the
    /// events are weighed as a user's history would be, on the fly, and nothing is stored. The session's items are
    /// never recommended back.
    /// </summary>
    /// <param name="events">The session's interactions, 1–500, oldest first; the rules of a user's event apply.</param>
    /// <param name="query">What to ask for; null means the default query (10 items, no filter).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The recommendations, best first, for the user id <c>CatalogRules.SessionUser</c> ("session").</returns>
    Task<Recommendations> RecommendForSessionAsync(
        IReadOnlyList<SessionEvent> events,
        RecommendationQuery? query = null,
        CancellationToken cancellationToken = default);

    /// <summary>Returns the items most often consumed by the same users as <paramref name="itemId"/>, best first.</summary>
    /// <param name="itemId">The item (1–256 characters).</param>
    /// <param name="count">How many items, 1–1000.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The similar items, best first.</returns>
    Task<ImmutableArray<RecommendedItem>> SimilarItemsAsync(
        string itemId,
        int count = 10,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns a page of items like <paramref name="itemId"/> that the query allows: those most often consumed by the
    /// same users, then, when the model knows the item, its nearest items in the model's factor space.
    /// </summary>
    /// <param name="itemId">The item (1–256 characters); it is never in its own answer.</param>
    /// <param name="query">How many items, from which position, of which categories and tags, leaving out which items.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The page of similar items, best first.</returns>
    Task<ImmutableArray<RecommendedItem>> SimilarItemsAsync(
        string itemId,
        RecommendationQuery query,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces an item's catalog entry (title, categories, tags, hidden, availability and live windows),
    /// bringing a deleted item back; every silo applies it within one catalog refresh interval.
    /// </summary>
    /// <param name="itemId">The item (1–256 characters).</param>
    /// <param name="metadata">
    /// The metadata: title at most 1024 characters, at most 32 categories and 64 tags of 1–128 characters, and a
    /// live or availability window must end after it starts.
    /// </param>
    /// <param name="cancellationToken">Stops waiting for the acknowledgement.</param>
    /// <returns>A task that completes once the metadata is stored.</returns>
    Task UpsertItemAsync(string itemId, ItemMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Returns what the engine knows of an item: its catalog metadata and how many interactions it had.</summary>
    /// <param name="itemId">The item (1–256 characters).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The item's details; null when neither the catalog nor any event knows it, or it was deleted.</returns>
    Task<ItemDetails?> GetItemAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an item from the catalog: every silo leaves it out of every answer within one catalog refresh
    /// interval. Its past events stay in users' histories and in training; an upsert brings it back.
    /// </summary>
    /// <param name="itemId">The item (1–256 characters); one known only from events can be deleted too.</param>
    /// <param name="cancellationToken">Stops waiting for the acknowledgement.</param>
    /// <returns>True when the item was deleted by this call; false when it was deleted already.</returns>
    Task<bool> DeleteItemAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns what the engine holds of a user: the recent history the engine ranks from, the seen set's size, counts
    /// per event type, whether the current model has a vector for the user, and every event the interaction log
    /// stores for the user (what <see cref="ForgetUserAsync"/> erases).
    /// </summary>
    /// <param name="userId">The user (1–256 characters); an unknown user has an empty profile.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The user's profile; histories are oldest first.</returns>
    Task<UserProfile> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Erases a user's history, embedding and interaction log entries.</summary>
    /// <param name="userId">The user (1–256 characters).</param>
    /// <param name="cancellationToken">Stops waiting for the acknowledgement.</param>
    /// <returns>A task that completes once the user is forgotten.</returns>
    Task ForgetUserAsync(string userId, CancellationToken cancellationToken = default);
}
