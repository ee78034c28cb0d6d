using System.Collections.Concurrent;
using System.Collections.Immutable;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client.IntegrationTests.Fakes;

/// <summary>
/// An <see cref="IRecommendationClient"/> whose batch TrackAsync runs a test's handler and records every call;
/// the tracker uses nothing else.
/// </summary>
public sealed class FakeSink(Func<IReadOnlyList<InteractionEvent>, Task>? handler = null) : IRecommendationClient
{
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<IReadOnlyList<InteractionEvent>> Calls { get; } = new();

    public Task FirstCall => _firstCall.Task;

    public IEnumerable<InteractionEvent> Received => Calls.SelectMany(c => c);

    public async Task<int> TrackAsync(IReadOnlyList<InteractionEvent> interactions, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue([.. interactions]);
        _firstCall.TrySetResult();
        if (handler is not null)
        {
            await handler(interactions);
        }

        return interactions.Count;
    }

    public Task<int> TrackAsync(InteractionEvent interaction, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<Recommendations> RecommendAsync(string userId, int count = 10, IEnumerable<string>? exclude = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<Recommendations> RecommendAsync(string userId, RecommendationQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<Recommendations> RecommendForSessionAsync(IReadOnlyList<SessionEvent> events, RecommendationQuery? query = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ImmutableArray<RecommendedItem>> SimilarItemsAsync(string itemId, int count = 10, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ImmutableArray<RecommendedItem>> SimilarItemsAsync(string itemId, RecommendationQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ItemDetails?> GetItemAsync(string itemId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<bool> DeleteItemAsync(string itemId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<UserProfile> GetUserAsync(string userId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task UpsertItemAsync(string itemId, ItemMetadata metadata, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task ForgetUserAsync(string userId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
