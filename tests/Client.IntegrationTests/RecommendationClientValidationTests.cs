using System.Collections.Immutable;
using AIaaS.Client.IntegrationTests.Fakes;
using AIaaS.Grains.Interfaces.Models;

namespace AIaaS.Client.IntegrationTests;

/// <summary>Every input rule rejects bad arguments before a single grain call leaves the process.</summary>
public sealed class RecommendationClientValidationTests
{
    private static readonly string LongId = new('x', 257);
    private static readonly InteractionEvent Good = Events.Play("u1", "i1");

    public static TheoryData<string, Func<IRecommendationClient, Task>, string> BadArguments => new()
    {
        { "null event", c => c.TrackAsync((InteractionEvent)null!), "interaction" },
        { "empty user", c => c.TrackAsync(Good with { UserId = "" }), "event.userId must not be empty" },
        { "blank user", c => c.TrackAsync(Good with { UserId = "  " }), "event.userId must not be empty" },
        { "long user", c => c.TrackAsync(Good with { UserId = LongId }), "at most 256 characters (was 257)" },
        { "empty item", c => c.TrackAsync(Good with { ItemId = "" }), "event.itemId must not be empty" },
        { "long item", c => c.TrackAsync(Good with { ItemId = LongId }), "event.itemId must be at most 256" },
        { "unknown type", c => c.TrackAsync(Good with { Type = (EventType)99 }), "not a known event type" },
        { "NaN value", c => c.TrackAsync(Good with { Value = float.NaN }), "must be a finite number" },
        { "infinite value", c => c.TrackAsync(Good with { Value = float.PositiveInfinity }), "finite number" },
        { "rating without value", c => c.TrackAsync(Rating(null)), "must be a rating from 1 to 5" },
        { "rating below 1", c => c.TrackAsync(Rating(0.5f)), "must be a rating from 1 to 5" },
        { "rating above 5", c => c.TrackAsync(Rating(6f)), "must be a rating from 1 to 5" },
        { "null batch", c => c.TrackAsync((IReadOnlyList<InteractionEvent>)null!), "interactions" },
        { "empty batch", c => c.TrackAsync(Array.Empty<InteractionEvent>()), "must contain at least one event" },
        { "oversized batch", c => c.TrackAsync(Events.Plays("u1", 10_001)), "at most 10000 events (was 10001)" },
        { "bad event in batch", c => c.TrackAsync([Good, Good with { ItemId = "" }]), "events[1].itemId must not be empty" },
        { "null event in batch", c => c.TrackAsync([Good, null!]), "events[1] must not be null" },
        { "null user to recommend", c => c.RecommendAsync(null!), "userId" },
        { "empty user to recommend", c => c.RecommendAsync(""), "userId must not be empty" },
        { "long user to recommend", c => c.RecommendAsync(LongId), "userId must be at most 256" },
        { "count 0", c => c.RecommendAsync("u1", 0), "count must be from 1 to 1000 (was 0)" },
        { "count 1001", c => c.RecommendAsync("u1", 1001), "count must be from 1 to 1000 (was 1001)" },
        { "empty exclusion", c => c.RecommendAsync("u1", 10, ["i1", ""]), "exclude[1] must not be empty" },
        { "null exclusion", c => c.RecommendAsync("u1", 10, [null!]), "exclude[0] must not be empty" },
        { "null similar item", c => c.SimilarItemsAsync(null!), "itemId" },
        { "empty similar item", c => c.SimilarItemsAsync(""), "itemId must not be empty" },
        { "long similar item", c => c.SimilarItemsAsync(LongId), "itemId must be at most 256" },
        { "similar count 0", c => c.SimilarItemsAsync("i1", 0), "count must be from 1 to 1000" },
        { "similar count 1001", c => c.SimilarItemsAsync("i1", 1001), "count must be from 1 to 1000" },
        { "null upserted item", c => c.UpsertItemAsync(null!, Metadata()), "itemId" },
        { "empty upserted item", c => c.UpsertItemAsync("", Metadata()), "itemId must not be empty" },
        { "null metadata", c => c.UpsertItemAsync("i1", null!), "metadata" },
        { "long title", c => c.UpsertItemAsync("i1", Metadata() with { Title = new string('t', 1025) }), "title must be at most 1024" },
        { "empty tag", c => c.UpsertItemAsync("i1", Metadata() with { Tags = ["live", ""] }), "tags must not hold an empty value" },
        { "window ends at start", c => c.UpsertItemAsync("i1", Metadata(TimeSpan.Zero)), "liveUntil must be later than liveFrom" },
        { "window ends before start", c => c.UpsertItemAsync("i1", Metadata(TimeSpan.FromHours(-1))), "liveUntil must be later" },
        { "null forgotten user", c => c.ForgetUserAsync(null!), "userId" },
        { "empty forgotten user", c => c.ForgetUserAsync(""), "userId must not be empty" },
        { "long forgotten user", c => c.ForgetUserAsync(LongId), "userId must be at most 256" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Call_InvalidArgument_ThrowsArgumentExceptionBeforeAnyGrainCall(
        string rule, Func<IRecommendationClient, Task> call, string expected)
    {
        var (grains, recorder) = CallRecorder.Create<IGrainFactory>();
        var client = new RecommendationClient(grains);

        var thrown = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(client));

        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
        Assert.True(recorder.Calls == 0, $"{rule}: a grain call left the process");
    }

    [Fact]
    public async Task Call_NullArgument_ThrowsArgumentNullException()
    {
        var (grains, recorder) = CallRecorder.Create<IGrainFactory>();
        var client = new RecommendationClient(grains);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.TrackAsync((InteractionEvent)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.TrackAsync((IReadOnlyList<InteractionEvent>)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.RecommendAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.SimilarItemsAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.UpsertItemAsync("i1", null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.ForgetUserAsync(null!));
        Assert.Equal(0, recorder.Calls);
    }

    [Fact]
    public void Constructor_NullGrainFactory_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => new RecommendationClient(null!));

    private static InteractionEvent Rating(float? value) => Good with { Type = EventType.Rating, Value = value };

    private static ItemMetadata Metadata(TimeSpan? window = null) =>
        new("Title", ImmutableArray<string>.Empty, window is null ? null : Events.At, window is null ? null : Events.At + window);
}
