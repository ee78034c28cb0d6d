using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client;

/// <summary>
/// The application's view of the recommendation engine: report interactions, ask for recommendations and
/// similar items, describe items and erase users.
/// </summary>
/// <remarks>
/// Every method checks its arguments with the engine's own input rules (<c>EventRules</c>) and throws
/// <see cref="ArgumentException"/> (<see cref="ArgumentNullException"/> for null) before anything leaves the
/// process, with the same words the HTTP API uses. A cancellation token stops the wait for the reply; a call
/// that has already been sent may still be applied.
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

    /// <summary>Returns the items most often consumed by the same users as <paramref name="itemId"/>, best first.</summary>
    /// <param name="itemId">The item (1–256 characters).</param>
    /// <param name="count">How many items, 1–1000.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The similar items, best first.</returns>
    Task<ImmutableArray<RecommendedItem>> SimilarItemsAsync(
        string itemId,
        int count = 10,
        CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an item's metadata (title, tags, live window).</summary>
    /// <param name="itemId">The item (1–256 characters).</param>
    /// <param name="metadata">The metadata; a live window must end after it starts.</param>
    /// <param name="cancellationToken">Stops waiting for the acknowledgement.</param>
    /// <returns>A task that completes once the metadata is stored.</returns>
    Task UpsertItemAsync(string itemId, ItemMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Erases a user's history, embedding and interaction log entries.</summary>
    /// <param name="userId">The user (1–256 characters).</param>
    /// <param name="cancellationToken">Stops waiting for the acknowledgement.</param>
    /// <returns>A task that completes once the user is forgotten.</returns>
    Task ForgetUserAsync(string userId, CancellationToken cancellationToken = default);
}
