using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client;

/// <summary>
/// The <see cref="IRecommendationClient"/> over Orleans: a typed wrapper that turns each call into calls on
/// the user, item and session grains. Wrap the <c>IClusterClient</c> of a client process, or the
/// <see cref="IGrainFactory"/> of a silo or test cluster.
/// </summary>
public sealed class RecommendationClient : IRecommendationClient
{
    private readonly IGrainFactory _grains;

    /// <summary>Wraps a grain factory, such as an <c>IClusterClient</c> or a test cluster's client.</summary>
    /// <param name="grains">Where grain references come from.</param>
    public RecommendationClient(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        _grains = grains;
    }

    /// <inheritdoc />
    public Task<int> TrackAsync(InteractionEvent interaction, CancellationToken cancellationToken = default)
    {
        Guard.Event(interaction, nameof(interaction));
        cancellationToken.ThrowIfCancellationRequested();
        return _grains.GetGrain<IUserGrain>(interaction.UserId)
            .TrackAsync([interaction])
            .AsTask()
            .WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> TrackAsync(
        IReadOnlyList<InteractionEvent> interactions,
        CancellationToken cancellationToken = default)
    {
        Guard.Batch(interactions, nameof(interactions));
        cancellationToken.ThrowIfCancellationRequested();
        var byUser = EventsByUser.Group(interactions);
        var calls = new Task<int>[byUser.Count];
        for (var i = 0; i < byUser.Count; i++)
        {
            var (userId, events) = byUser[i];
            calls[i] = _grains.GetGrain<IUserGrain>(userId).TrackAsync(events).AsTask();
        }

        var accepted = await Task.WhenAll(calls).WaitAsync(cancellationToken);
        return accepted.Sum();
    }

    /// <inheritdoc />
    public Task<Recommendations> RecommendAsync(
        string userId,
        int count = 10,
        IEnumerable<string>? exclude = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Id(userId, "userId", nameof(userId));
        Guard.Count(count, nameof(count));
        var request = new RecommendationRequest(count, Exclusions(exclude));
        EventRules.ThrowIfInvalid(CatalogRules.CheckRequest(request), nameof(exclude));
        return SendToUserAsync(userId, request, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Recommendations> RecommendAsync(string userId, RecommendationQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Id(userId, "userId", nameof(userId));
        return SendToUserAsync(userId, Guard.Query(query, nameof(query)), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Recommendations> RecommendForSessionAsync(
        IReadOnlyList<SessionEvent> events,
        RecommendationQuery? query = null,
        CancellationToken cancellationToken = default)
    {
        var session = Guard.Session(events, query, nameof(events), nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        // The session grain is a stateless worker: key 0 is every silo's local pool, not one activation.
        return _grains.GetGrain<ISessionGrain>(0).RecommendAsync(session).AsTask().WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<RecommendedItem>> SimilarItemsAsync(
        string itemId,
        int count = 10,
        CancellationToken cancellationToken = default)
    {
        Guard.Id(itemId, "itemId", nameof(itemId));
        Guard.Count(count, nameof(count));
        cancellationToken.ThrowIfCancellationRequested();
        return _grains.GetGrain<IItemGrain>(itemId).GetSimilarAsync(count).AsTask().WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<RecommendedItem>> SimilarItemsAsync(
        string itemId,
        RecommendationQuery query,
        CancellationToken cancellationToken = default)
    {
        Guard.Id(itemId, "itemId", nameof(itemId));
        var request = Guard.Query(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        return _grains.GetGrain<IItemGrain>(itemId).GetSimilarAsync(request).AsTask().WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task UpsertItemAsync(string itemId, ItemMetadata metadata, CancellationToken cancellationToken = default)
    {
        Guard.Id(itemId, "itemId", nameof(itemId));
        Guard.Metadata(metadata, nameof(metadata));
        cancellationToken.ThrowIfCancellationRequested();
        return _grains.GetGrain<IItemGrain>(itemId).UpsertAsync(metadata).AsTask().WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<ItemDetails?> GetItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        Guard.Id(itemId, "itemId", nameof(itemId));
        cancellationToken.ThrowIfCancellationRequested();
        return _grains.GetGrain<IItemGrain>(itemId).GetDetailsAsync().AsTask().WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        Guard.Id(itemId, "itemId", nameof(itemId));
        cancellationToken.ThrowIfCancellationRequested();
        return _grains.GetGrain<IItemGrain>(itemId).DeleteAsync().AsTask().WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<UserProfile> GetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        Guard.Id(userId, "userId", nameof(userId));
        cancellationToken.ThrowIfCancellationRequested();
        return _grains.GetGrain<IUserGrain>(userId).GetProfileAsync().AsTask().WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task ForgetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        Guard.Id(userId, "userId", nameof(userId));
        cancellationToken.ThrowIfCancellationRequested();
        return _grains.GetGrain<IUserGrain>(userId).ForgetAsync().AsTask().WaitAsync(cancellationToken);
    }

    /// <summary>Sends a request the caller has checked.</summary>
    private Task<Recommendations> SendToUserAsync(string userId, RecommendationRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _grains.GetGrain<IUserGrain>(userId).RecommendAsync(request).AsTask().WaitAsync(cancellationToken);
    }

    private static ImmutableArray<string> Exclusions(IEnumerable<string>? exclude)
    {
        if (exclude is null)
        {
            return [];
        }

        var excluded = exclude.ToImmutableArray();
        for (var i = 0; i < excluded.Length; i++)
        {
            EventRules.ThrowIfInvalid(EventRules.CheckId(excluded[i], $"exclude[{i}]"), nameof(exclude));
        }

        return excluded;
    }
}
